// Template: merge into build.gradle.kts after review. Credentials come from
// acmeRepoUsername / acmeRepoPassword Gradle properties (never hard-code them here).
plugins {
    `java-library`
    `maven-publish`
}

java {
    withSourcesJar()
    withJavadocJar()
}

publishing {
    publications {
        create<MavenPublication>("maven") {
            from(components["java"])
        }
    }
    repositories {
        maven {
            name = "acmeRepo"
            val releases = uri(providers.gradleProperty("acmeRepoReleasesUrl").getOrElse("https://repo.acme.example/repository/maven-releases/"))
            val snapshots = uri(providers.gradleProperty("acmeRepoSnapshotsUrl").getOrElse("https://repo.acme.example/repository/maven-snapshots/"))
            url = if (version.toString().endsWith("SNAPSHOT")) snapshots else releases
            credentials(PasswordCredentials::class)
        }
    }
}
