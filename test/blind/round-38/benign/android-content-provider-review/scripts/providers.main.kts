#!/usr/bin/env kotlin
// Inventory ContentProviders / FileProviders in an AndroidManifest.xml.
// usage: kotlin providers.main.kts AndroidManifest.xml [--res RES_DIR]

import java.io.File
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Element
import org.w3c.dom.Node

val ANDROID = "http://schemas.android.com/apk/res/android"

val argv = args.toList()
if (argv.isEmpty()) {
    System.err.println("usage: kotlin providers.main.kts AndroidManifest.xml [--res RES_DIR]")
    kotlin.system.exitProcess(2)
}
val manifestFile = File(argv[0])
val resDir = argv.indexOf("--res").takeIf { it >= 0 }?.let { File(argv[it + 1]) }
    ?: manifestFile.parentFile.resolve("res").takeIf { it.isDirectory }

fun parse(f: File) = DocumentBuilderFactory.newInstance().apply {
    isNamespaceAware = true
    setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
}.newDocumentBuilder().parse(f)

fun Element.a(name: String): String? = getAttributeNS(ANDROID, name).ifEmpty { null }

fun Element.children(tag: String): List<Element> =
    (0 until childNodes.length).map { childNodes.item(it) }
        .filter { it.nodeType == Node.ELEMENT_NODE && (it as Element).tagName == tag }
        .map { it as Element }

val doc = parse(manifestFile)
val root = doc.documentElement
val pkg = root.getAttribute("package")
val targetSdk = (root.getElementsByTagName("uses-sdk").item(0) as? Element)?.a("targetSdkVersion")?.toIntOrNull()

val permissionLevels: Map<String, String> = root.children("permission").associate {
    (it.a("name") ?: "?") to (it.a("protectionLevel") ?: "normal")
}

fun levelOf(perm: String?): String? = perm?.let { permissionLevels[it] ?: "external" }

fun fileProviderPaths(meta: List<Element>): List<String> {
    val res = meta.firstOrNull { it.a("name") == "android.support.FILE_PROVIDER_PATHS" }?.a("resource")
        ?: return emptyList()
    val name = res.substringAfter("@xml/")
    val xml = resDir?.resolve("xml/$name.xml")?.takeIf { it.isFile } ?: return listOf("(could not find $res)")
    val el = parse(xml).documentElement
    return (0 until el.childNodes.length).map { el.childNodes.item(it) }
        .filterIsInstance<Element>()
        .map { "${it.tagName} name=${it.getAttribute("name")} path=${it.getAttribute("path").ifEmpty { "." }}" }
}

data class Finding(val authority: String, val flag: String, val detail: String)
val findings = mutableListOf<Finding>()

val providers = root.getElementsByTagName("provider")
println("package: $pkg   targetSdk: ${targetSdk ?: "?"}   providers: ${providers.length}\n")

for (i in 0 until providers.length) {
    val p = providers.item(i) as Element
    val name = p.a("name") ?: "?"
    val auth = p.a("authorities") ?: "?"
    val exportedAttr = p.a("exported")
    val exported = when (exportedAttr) {
        "true" -> true
        "false" -> false
        else -> (targetSdk ?: 1) < 17
    }
    val perm = p.a("permission")
    val readPerm = p.a("readPermission") ?: perm
    val writePerm = p.a("writePermission") ?: perm
    val grant = p.a("grantUriPermissions") == "true"
    val grantScopes = p.children("grant-uri-permission").map { it.a("pathPrefix") ?: it.a("path") ?: it.a("pathPattern") ?: "?" }
    val pathPerms = p.children("path-permission").map { "${it.a("pathPrefix") ?: it.a("path")}: r=${it.a("readPermission")} w=${it.a("writePermission")}" }
    val isFileProvider = name.endsWith("FileProvider")

    println("■ $name")
    println("  authority: $auth")
    println("  exported: $exported${if (exportedAttr == null) " (implicit)" else ""}")
    println("  read: ${readPerm ?: "-"} [${levelOf(readPerm) ?: "-"}]   write: ${writePerm ?: "-"} [${levelOf(writePerm) ?: "-"}]")
    println("  grantUriPermissions: $grant ${if (grantScopes.isNotEmpty()) grantScopes else ""}")
    pathPerms.forEach { println("  path-permission $it") }

    if (exported && readPerm == null && writePerm == null) findings += Finding(auth, "EXPORTED_NO_PERMISSION", name)
    listOf(readPerm, writePerm).filterNotNull().distinct().forEach {
        if (levelOf(it) == "normal") findings += Finding(auth, "PERMISSION_NORMAL_LEVEL", it)
    }
    if (grant && grantScopes.isEmpty() && !isFileProvider) findings += Finding(auth, "GRANT_URI_ALL", name)
    if (isFileProvider) {
        if (exported) findings += Finding(auth, "FILEPROVIDER_EXPORTED", name)
        val paths = fileProviderPaths(p.children("meta-data"))
        paths.forEach { println("  file-path: $it") }
        paths.filter { it.startsWith("root-path") || (it.startsWith("external-path") && it.endsWith("path=.")) }
            .forEach { findings += Finding(auth, "FILEPROVIDER_ROOT", it) }
    }
    println()
}

if (findings.isEmpty()) {
    println("no flags raised (still review query/openFile/call code)")
} else {
    println("flags:")
    findings.forEach { println("  %-24s %-40s %s".format(it.flag, it.authority, it.detail)) }
}
