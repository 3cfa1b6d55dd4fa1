<?php
/**
 * Enqueue hashed assets from dist/manifest.json. Paste into the theme's functions.php.
 */
add_action( 'wp_enqueue_scripts', function () {
	$dir      = get_stylesheet_directory();
	$uri      = get_stylesheet_directory_uri();
	$manifest = json_decode( (string) @file_get_contents( $dir . '/dist/manifest.json' ), true ) ?: array();

	if ( isset( $manifest['style.css'] ) ) {
		wp_enqueue_style( 'theme', $uri . '/dist/' . $manifest['style.css'], array(), null );
	}
	if ( isset( $manifest['main.js'] ) ) {
		wp_enqueue_script( 'theme', $uri . '/dist/' . $manifest['main.js'], array(), null, array( 'strategy' => 'defer' ) );
	}
} );
