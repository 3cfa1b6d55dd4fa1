module RNBootstrapSupport
  module_function

  def apply(installer)
    min_ios = Gem::Version.new(min_ios_version_supported.to_s) rescue Gem::Version.new('13.4')
    xcode16 = `xcodebuild -version 2>/dev/null`[/Xcode (\d+)/, 1].to_i >= 16

    installer.pods_project.targets.each do |target|
      target.build_configurations.each do |config|
        dt = config.build_settings['IPHONEOS_DEPLOYMENT_TARGET']
        if dt.nil? || Gem::Version.new(dt) < min_ios
          config.build_settings['IPHONEOS_DEPLOYMENT_TARGET'] = min_ios.to_s
        end
        config.build_settings['CLANG_CXX_LANGUAGE_STANDARD'] = 'c++20'
        if xcode16
          flags = Array(config.build_settings['OTHER_LDFLAGS'])
          config.build_settings['OTHER_LDFLAGS'] = flags.reject { |f| f.include?('-ld_classic') }
        end
      end
    end

    installer.aggregate_targets.each do |agg|
      agg.user_project.native_targets.each do |t|
        t.build_configurations.each do |config|
          config.build_settings['ENABLE_USER_SCRIPT_SANDBOXING'] = 'NO'
        end
      end
      agg.user_project.save
    end
  end
end
