import Foundation

/// Hands a file to the desktop's opener, if the machine has one.
enum SystemOpener {
    static func open(_ path: String) {
        for opener in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: opener) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [path]
            try? process.run()
            return
        }
        Diagnostics.note("note: no opener (xdg-open) on this machine; open \(path) yourself")
    }
}
