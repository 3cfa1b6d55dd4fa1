// Merge into app/build.gradle.kts
fun prop(name: String): String =
    (project.findProperty(name) as String?)
        ?: throw GradleException("Missing $name in ~/.gradle/gradle.properties")

android {
    signingConfigs {
        create("release") {
            storeFile = file(prop("MYAPP_UPLOAD_STORE_FILE"))
            storePassword = prop("MYAPP_UPLOAD_STORE_PASSWORD")
            keyAlias = prop("MYAPP_UPLOAD_KEY_ALIAS")
            keyPassword = prop("MYAPP_UPLOAD_KEY_PASSWORD")
        }
    }
    buildTypes {
        getByName("release") {
            signingConfig = signingConfigs.getByName("release")
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }
}
