import Foundation

/// Runs a Python script of the repository (or of `../shared/`) and returns its exit status and
/// its output (standard output and error together).
enum PythonScript {
    static func run(_ script: URL, _ arguments: [String], python: URL = TestPaths.python) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
