// Routes every build through the company mirror. Remove this file to undo.
val mirrorUrl = "{{MIRROR_URL}}"              // e.g. https://nexus.example.com/repository/maven-public/
val pluginMirrorUrl = "{{PLUGIN_MIRROR_URL}}" // e.g. https://nexus.example.com/repository/gradle-plugins/

fun org.gradle.api.artifacts.dsl.RepositoryHandler.useMirror(url: String, props: Map<String, Any?>) {
    all {
        if (this is MavenArtifactRepository && this.url.toString() != url) {
            logger.info("company-mirror: removing ${this.name} (${this.url})")
            remove(this)
        }
    }
    maven {
        name = "companyMirror"
        setUrl(url)
        val user = props["companyMirrorUser"] as String?
        val token = props["companyMirrorToken"] as String?
        if (user != null && token != null) {
            credentials {
                username = user
                password = token
            }
        }
    }
}

settingsEvaluated {
    val props = providers.gradlePropertiesPrefixedBy("companyMirror").get()
    pluginManagement.repositories.useMirror(pluginMirrorUrl, props)
    dependencyResolutionManagement.repositories.useMirror(mirrorUrl, props)
}

allprojects {
    val props = providers.gradlePropertiesPrefixedBy("companyMirror").get()
    buildscript.repositories.useMirror(mirrorUrl, props)
    repositories.useMirror(mirrorUrl, props)
}
