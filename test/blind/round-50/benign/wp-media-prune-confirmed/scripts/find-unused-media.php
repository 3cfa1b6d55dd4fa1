<?php
/**
 * List attachments that look unused. Read-only. Run with:
 *   wp eval-file find-unused-media.php months=18 types=image > candidates.csv
 */
if ( ! defined( 'WP_CLI' ) ) {
	exit( "Run via: wp eval-file find-unused-media.php\n" );
}

$opts = array( 'months' => 18, 'types' => 'image' );
foreach ( $args as $a ) {
	if ( strpos( $a, '=' ) !== false ) {
		list( $k, $v ) = explode( '=', $a, 2 );
		$opts[ $k ] = $v;
	}
}
$months = max( 1, (int) $opts['months'] );
$types  = array_filter( array_map( 'trim', explode( ',', $opts['types'] ) ) );

global $wpdb;
$cutoff = gmdate( 'Y-m-d H:i:s', strtotime( "-{$months} months" ) );

$mime_sql = array();
foreach ( $types as $t ) {
	$mime_sql[] = $wpdb->prepare( 'post_mime_type LIKE %s', $wpdb->esc_like( $t ) . '%' );
}
$mime_where = $mime_sql ? '(' . implode( ' OR ', $mime_sql ) . ')' : '1=1';

$attachments = $wpdb->get_results(
	$wpdb->prepare(
		"SELECT ID, post_date, post_title, post_mime_type, post_parent FROM {$wpdb->posts}
		 WHERE post_type = 'attachment' AND post_date < %s AND {$mime_where}",
		$cutoff
	)
);

// Featured images and WooCommerce galleries.
$used_ids = array_flip( $wpdb->get_col( "SELECT DISTINCT meta_value FROM {$wpdb->postmeta} WHERE meta_key = '_thumbnail_id'" ) );
foreach ( $wpdb->get_col( "SELECT meta_value FROM {$wpdb->postmeta} WHERE meta_key = '_product_image_gallery'" ) as $g ) {
	foreach ( explode( ',', $g ) as $gid ) {
		$used_ids[ trim( $gid ) ] = true;
	}
}
// Site icon / logo / header.
foreach ( array( 'site_icon', 'site_logo' ) as $opt ) {
	$v = get_option( $opt );
	if ( $v ) {
		$used_ids[ $v ] = true;
	}
}
$custom_logo = get_theme_mod( 'custom_logo' );
if ( $custom_logo ) {
	$used_ids[ $custom_logo ] = true;
}

$out = fopen( 'php://output', 'w' );
fputcsv( $out, array( 'id', 'date', 'file', 'bytes', 'mime', 'title', 'parent_id' ) );

$count = 0;
foreach ( $attachments as $att ) {
	if ( isset( $used_ids[ $att->ID ] ) ) {
		continue;
	}
	$file = get_post_meta( $att->ID, '_wp_attached_file', true );
	if ( ! $file ) {
		continue;
	}
	$base = pathinfo( $file, PATHINFO_FILENAME );
	$like = '%' . $wpdb->esc_like( $base ) . '%';

	// Referenced by file name anywhere in content (all statuses, revisions included).
	$in_content = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type <> 'attachment' AND post_content LIKE %s", $like ) );
	if ( $in_content ) {
		continue;
	}
	// Block editor / classic: wp-image-123, "id":123 in builder JSON.
	$id_like_1 = '%wp-image-' . (int) $att->ID . '%';
	$id_like_2 = '%"id":' . (int) $att->ID . '%';
	$by_id     = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_content LIKE %s OR post_content LIKE %s", $id_like_1, $id_like_2 ) );
	if ( $by_id ) {
		continue;
	}
	// Page builders and custom fields.
	$in_meta = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->postmeta} WHERE post_id <> %d AND (meta_value LIKE %s OR meta_value LIKE %s)", $att->ID, $like, $id_like_2 ) );
	if ( $in_meta ) {
		continue;
	}
	// Widgets, customizer, theme options.
	$in_opts = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_value LIKE %s", $like ) );
	if ( $in_opts ) {
		continue;
	}

	$path  = get_attached_file( $att->ID );
	$bytes = ( $path && file_exists( $path ) ) ? filesize( $path ) : 0;
	$meta  = wp_get_attachment_metadata( $att->ID );
	if ( ! empty( $meta['sizes'] ) && $path ) {
		$dir = dirname( $path );
		foreach ( $meta['sizes'] as $s ) {
			$p = $dir . '/' . $s['file'];
			if ( file_exists( $p ) ) {
				$bytes += filesize( $p );
			}
		}
	}
	fputcsv( $out, array( $att->ID, $att->post_date, $file, $bytes, $att->post_mime_type, $att->post_title, $att->post_parent ) );
	$count++;
}
fclose( $out );
WP_CLI::log( sprintf( '%d candidate attachments older than %s (of %d checked).', $count, $cutoff, count( $attachments ) ) );
