import Foundation

/// `gazette init DIR`: a commented starter config, an empty subscribers file and a copy of the
/// templates to edit. Existing files are never overwritten.
public enum StarterFiles {
    /// Writes the files into `directory` and returns their paths; writes nothing if any exists.
    public static func write(to directory: String) throws(StateError) -> [String] {
        let base = URL(fileURLWithPath: directory)
        var files: [(URL, [UInt8])] = [
            (base.appendingPathComponent("gazette.yml"), Array(starterConfig.utf8)),
            (base.appendingPathComponent("subscribers.json"), SubscriberList().encodedBytes()),
        ]
        for name in TemplateSet.names {
            files.append((base.appendingPathComponent("templates/\(name).mustache"), Array((TemplateSet.builtInText(name) ?? "").utf8)))
        }
        for (url, _) in files where FileManager.default.fileExists(atPath: url.path) {
            throw StateError(path: url.path, message: "already exists; gazette init never overwrites files")
        }
        var written: [String] = []
        for (url, bytes) in files {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.write(bytes, to: url)
            } catch {
                throw StateError(path: url.path, message: "cannot be written: \(error)")
            }
            written.append(url.path)
        }
        return written
    }

    /// The commented starter `gazette.yml`.
    public static let starterConfig = """
    # Gazette configuration. Every key is listed with its default; see README.md, "Configuration".
    # Relative paths are relative to this file's folder.

    title: My Digest
    list_id: digest.example.org          # also the List-Id header; a domain you control
    time_zone: Europe/London             # IANA name; the edition date and times use it
    language: en
    # intro: A sentence under the title.

    sender:
      name: My Digest
      address: digest@example.org
      # reply_to: editor@example.org
      # envelope_from: bounces+{id}@example.org   # {id}: each subscriber's own return path (VERP)

    sources:
      - url: https://example.org/feed.xml
        section: News
        # name: Example News           # display name (default: the feed's title)
        # kind: feed                   # feed, or article for a single page
        # max_items: 10
        # include: [harbour, ferry]    # keep only items with one of these words
        # exclude: [sponsored]

    selection:
      first_run_lookback_hours: 48       # or "all"
      max_items_per_section: 10
      max_items: 40
      lead_paragraphs: 2
      lead_characters: 600
      fetch_articles: true               # fetch pages of items with no usable summary
      skip_empty: true                   # send nothing when nothing is new
      future_skew_hours: 6

    fetch:
      timeout: 30
      connect_timeout: 10
      concurrency: 16
      per_host: 4
      max_bytes: 10485760
      attempts: 3
      # contact: https://example.org/about   # added to the User-Agent

    templates: templates                 # overrides, file by file; delete to use the built-in ones
    subscribers: subscribers.json
    state_dir: state

    delivery:
      backend: outbox                    # outbox, smtp or stdout
      outbox: outbox
      # max_minutes: 240                 # bound on one run's delivery; the rest goes out next run
      # stop_after_failures: 5           # relay failures in a row before the run stops (exit 1)
      # smtp:
      #   url: smtp://mail.example.org:587
      #   starttls: required             # required, opportunistic or off
      #   username: digest
      #   password_env: GAZETTE_SMTP_PASSWORD
      #   # ca_file: relay-ca.pem
      #   verify_certificate: true
      #   concurrency: 4
      #   timeout: 60

    # gazette serve answers readers' links (subscribe, confirm, one-click unsubscribe, preferences,
    # the archive); run it behind a TLS proxy and give its public URL: links then default to it.
    serve:
      # base_url: https://news.example.org
      # listen: 127.0.0.1:8080
      # confirm_days: 7                  # how long a confirmation link works
      # trusted_proxies: [127.0.0.1]     # whose X-Forwarded-For is believed
      # subscribes_per_hour: 20          # per client address
      # archive: archive                 # web copies of sent editions (default state/archive)

    links:                               # without serve.base_url, or to point elsewhere:
      # unsubscribe: https://example.org/unsubscribe?token={token}
      # preferences: https://example.org/preferences?token={preferences_token}
      # web: https://example.org/editions/{date}.html
      # unsubscribe_mailto: unsubscribe@example.org   # requests read by gazette inbox

    # images: lead                        # pictures: lead (first story of each section), all, none

    # gazette inbox reads bounces, complaints and mailto unsubscribes and cleans the list.
    inbox:
      # imap:
      #   url: imaps://bounces@mail.example.org/INBOX
      #   password_env: GAZETTE_IMAP_PASSWORD
      # soft_bounce_limit: 5               # soft bounces within soft_bounce_days that remove an address
      # soft_bounce_days: 30

    footer:
      # text: You subscribed to My Digest at example.org.
      # address: 1 Example Street, Example Town
      report_failing_sources: false
      failing_after_runs: 3

    secrets:
      unsubscribe_secret_env: GAZETTE_UNSUBSCRIBE_SECRET

    """
}
