#!/usr/bin/env ruby
# Usage: install_build_phase.rb path/to/App.xcodeproj TargetName
require "xcodeproj"

project_path, target_name = ARGV
abort "usage: #{$0} App.xcodeproj TargetName" unless project_path && target_name

PHASE_NAME = "Bump Build Number"
project = Xcodeproj::Project.open(project_path)
target = project.targets.find { |t| t.name == target_name } or abort "no target #{target_name}"

phase = target.shell_script_build_phases.find { |p| p.name == PHASE_NAME }
phase ||= target.new_shell_script_build_phase(PHASE_NAME)
phase.shell_path = "/bin/sh"
phase.shell_script = "\"${SRCROOT}/scripts/bump-build-number.sh\"\n"
phase.output_paths = ["$(TARGET_BUILD_DIR)/$(INFOPLIST_PATH)"]
phase.always_out_of_date = "1"
phase.show_env_vars_in_log = "0"

# place after Copy Bundle Resources
resources = target.resources_build_phase
target.build_phases.delete(phase)
idx = target.build_phases.index(resources) || target.build_phases.length - 1
target.build_phases.insert(idx + 1, phase)

project.save
puts "#{PHASE_NAME} phase installed on #{target_name}"
