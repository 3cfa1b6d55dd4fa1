#!/usr/bin/env ruby
# frozen_string_literal: true

# Static security lint for GitHub Actions workflows.
#   ruby gha_lint.rb <workflow.yml | directory> [--format json]

require "yaml"
require "json"

UNTRUSTED_CTX = /\$\{\{\s*(github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label)|
  comment\.body|review\.body|review_comment\.body|pages\.[^}]*page_name|commits\.[^}]*\.(message|author\.(name|email))|
  head_commit\.(message|author\.(name|email))|workflow_run\.(head_branch|head_commit\.message))|github\.head_ref)\s*\}\}/x
HEAD_CHECKOUT = /github\.event\.(pull_request\.head\.(sha|ref)|workflow_run\.head_(sha|branch))|refs\/pull\/.*\/(merge|head)/
PIPE_SHELL = /(curl|wget)[^|\n]*\|\s*(sudo\s+)?(ba|z)?sh\b|\b(iex|Invoke-Expression)\b[^\n]*(iwr|irm|Invoke-WebRequest|DownloadString)/i
SECRET_LEAK = /toJSON\(\s*secrets\s*\)|echo[^\n]*\$\{\{\s*secrets\.|\$\{\{\s*secrets\.[^}]+\}\}[^\n]*\|\s*(base64|curl|nc)|curl[^\n]*\$\{\{\s*secrets\./
SHA_REF = /@[0-9a-f]{40}\z/
FIRST_PARTY = %r{\A(actions|github)/}

Finding = Struct.new(:rule, :severity, :file, :job, :step, :message, keyword_init: true)

def triggers(doc)
  on = doc["on"] || doc[true] # YAML 1.1 parses bare `on` as true
  case on
  when String then [on]
  when Array then on
  when Hash then on.keys.map(&:to_s)
  else []
  end
end

def lint(path)
  doc = YAML.safe_load(File.read(path), aliases: true) || {}
  out = []
  add = ->(rule, sev, msg, job: nil, step: nil) { out << Finding.new(rule: rule, severity: sev, file: path, job: job, step: step, message: msg) }
  trig = triggers(doc)
  privileged = trig.include?("pull_request_target") || trig.include?("workflow_run")
  fork_prs = trig.include?("pull_request") || trig.include?("pull_request_target")

  perms = doc["permissions"]
  if perms.nil?
    add.call("GHA004", "MEDIUM", "no top-level permissions: block (inherits repository default token scope)")
  elsif perms == "write-all"
    add.call("GHA004", "MEDIUM", "permissions: write-all")
  end

  (doc["jobs"] || {}).each do |job_id, job|
    next unless job.is_a?(Hash)

    runs_on = Array(job["runs-on"]).map(&:to_s)
    if fork_prs && runs_on.include?("self-hosted")
      add.call("GHA007", "MEDIUM", "self-hosted runner used by a pull-request-triggered job", job: job_id)
    end
    add.call("GHA004", "MEDIUM", "job permissions: write-all", job: job_id) if job["permissions"] == "write-all"

    pushes = false
    (job["steps"] || []).each_with_index do |step, i|
      name = step["name"] || step["uses"] || "step #{i + 1}"
      run = step["run"].to_s
      uses = step["uses"].to_s
      with = step["with"] || {}
      pushes ||= run.match?(/git push|gh (pr|release) create|npm publish/)

      if uses.start_with?("actions/checkout")
        ref = with["ref"].to_s
        if privileged && ref.match?(HEAD_CHECKOUT)
          add.call("GHA001", "CRITICAL", "privileged trigger (#{(trig & %w[pull_request_target workflow_run]).join(', ')}) checks out untrusted PR code: ref=#{ref}", job: job_id, step: name)
        end
        if with["persist-credentials"].to_s != "false" && !pushes
          add.call("GHA008", "LOW", "checkout persists GITHUB_TOKEN in .git/config; set persist-credentials: false", job: job_id, step: name)
        end
      end

      if !uses.empty? && !uses.start_with?("./", "docker://")
        add.call("GHA003", FIRST_PARTY.match?(uses) ? "LOW" : "MEDIUM", "action not pinned to a commit SHA: #{uses}", job: job_id, step: name) unless SHA_REF.match?(uses)
      end

      run.scan(UNTRUSTED_CTX) do
        add.call("GHA002", "HIGH", "untrusted event data interpolated into run: #{Regexp.last_match(0)} — pass it via env:", job: job_id, step: name)
      end
      add.call("GHA006", "HIGH", "remote script piped to a shell", job: job_id, step: name) if run.match?(PIPE_SHELL)
      [run, with.to_s, (step["env"] || {}).to_s].each do |blob|
        next unless blob.match?(SECRET_LEAK)

        add.call("GHA005", "HIGH", "secrets may be printed or sent out: #{blob[SECRET_LEAK]}", job: job_id, step: name)
        break
      end
    end
  end
  out
rescue Psych::SyntaxError => e
  [Finding.new(rule: "PARSE", severity: "LOW", file: path, message: e.message)]
end

target = ARGV.find { |a| !a.start_with?("--") } || ".github/workflows"
format = ARGV.include?("--format") ? ARGV[ARGV.index("--format") + 1] : "text"
files = File.directory?(target) ? Dir.glob(File.join(target, "*.{yml,yaml}")).sort : [target]
findings = files.flat_map { |f| lint(f) }
order = { "CRITICAL" => 0, "HIGH" => 1, "MEDIUM" => 2, "LOW" => 3 }
findings.sort_by! { |f| [order[f.severity] || 9, f.file, f.job.to_s] }

if format == "json"
  puts JSON.pretty_generate(findings.map(&:to_h))
else
  findings.each do |f|
    where = [f.file, f.job && "job #{f.job}", f.step && "step '#{f.step}'"].compact.join(" › ")
    puts "[#{f.severity}] #{f.rule} #{where}\n    #{f.message}"
  end
  puts "\n#{files.size} workflow(s), #{findings.size} finding(s)"
end
exit(findings.any? { |f| %w[CRITICAL HIGH].include?(f.severity) } ? 1 : 0)
