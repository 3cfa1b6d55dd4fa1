# frozen_string_literal: true

module CommitGuard
  # Runs the repository's own hook (husky or .git/hooks) after ours, so installing
  # a global hooksPath does not silently disable per-repo hooks.
  module Chain
    module_function

    def run(name, argv, stdin: nil)
      top = `git rev-parse --show-toplevel 2>/dev/null`.strip
      return 0 if top.empty?
      candidates = [File.join(top, ".husky", name), File.join(`git rev-parse --git-dir`.strip, "hooks", name)]
      hook = candidates.find { |p| File.executable?(p) }
      return 0 unless hook
      if stdin
        IO.popen([hook, *argv], "w") { |io| io.write(stdin) }
        $?.exitstatus
      else
        system(hook, *argv) ? 0 : 1
      end
    end
  end
end
