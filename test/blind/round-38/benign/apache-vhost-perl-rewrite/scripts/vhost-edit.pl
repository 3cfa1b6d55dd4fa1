#!/usr/bin/env perl
# Narrow, diff-first edits to one Apache vhost file. Writes only with --apply.
use strict;
use warnings;
use Getopt::Long;
use File::Copy qw(copy);
use File::Temp qw(tempdir);
use File::Basename qw(basename dirname);
use POSIX qw(strftime);

my (%o, @add_alias, @rm_alias, @headers);
GetOptions(
  'vhost=s' => \$o{vhost}, 'proxy-backend=s' => \$o{proxy}, 'add-alias=s' => \@add_alias,
  'remove-alias=s' => \@rm_alias, 'https-redirect' => \$o{redirect}, 'set-header=s' => \@headers,
  'dry-run' => \$o{dry}, 'apply' => \$o{apply}, 'reload-cmd=s' => \$o{reload},
) or die "bad options\n";
my $file = shift or die "usage: $0 FILE [options] (--dry-run|--apply)\n";
die "choose --dry-run or --apply\n" unless $o{dry} xor $o{apply};
$o{reload} //= 'apachectl graceful';

open my $in, '<', $file or die "$file: $!\n";
my @lines = <$in>;
close $in;

my ($in_vh, $vh_addr, $vh_ok) = (0, '', 0);
my @out;
my $has_redirect = 0;
for my $l (@lines) {
  if ($l =~ /^\s*<VirtualHost\s+([^>]+)>/i) {
    ($in_vh, $vh_addr) = (1, $1);
    $vh_ok = !defined $o{vhost} || $vh_addr eq $o{vhost};
    $has_redirect = 0;
    push @out, $l; next;
  }
  if ($in_vh && $l =~ m{^\s*</VirtualHost>}i) {
    if ($vh_ok) {
      if ($o{redirect} && $vh_addr =~ /:80$/ && !$has_redirect) {
        push @out, "    RewriteEngine On\n",
                   "    RewriteRule ^ https://%{SERVER_NAME}%{REQUEST_URI} [END,NE,R=permanent]\n";
      }
      for my $h (@headers) {
        my ($name, $val) = $h =~ /^\s*([\w-]+)\s*:\s*(.*)$/ or die "bad --set-header '$h'\n";
        next if grep { /^\s*Header\s+always\s+set\s+\Q$name\E\b/i } @out;
        push @out, qq{    Header always set $name "$val"\n};
      }
    }
    $in_vh = 0; push @out, $l; next;
  }
  if ($in_vh && $vh_ok) {
    $has_redirect = 1 if $l =~ /^\s*(Redirect(Match)?\s|RewriteRule\s.*https:)/i;
    if ($o{proxy} && $l =~ /^\s*ProxyPass(Reverse)?\s/i) {
      my ($old, $new) = split /=/, $o{proxy}, 2;
      $l =~ s/\Q$old\E/$new/g;
    }
    if (@rm_alias && $l =~ /^(\s*ServerAlias\s+)(.*?)(\s*)$/i) {
      my ($pre, $names, $trail) = ($1, $2, $3);
      my %rm = map { lc($_) => 1 } @rm_alias;
      my @keep = grep { !$rm{lc $_} } split ' ', $names;
      next unless @keep;
      $l = $pre . join(' ', @keep) . "\n";
    }
    for my $h (@headers) {
      my ($name, $val) = $h =~ /^\s*([\w-]+)\s*:\s*(.*)$/;
      $l = qq{    Header always set $name "$val"\n} if $l =~ /^\s*Header\s+always\s+set\s+\Q$name\E\b/i;
    }
    push @out, $l;
    if (@add_alias && $l =~ /^(\s*)ServerName\s/i) {
      my $indent = $1;
      my $all = join '', @lines;
      for my $a (@add_alias) {
        push @out, "${indent}ServerAlias $a\n" unless $all =~ /^\s*ServerAlias\b.*\b\Q$a\E\b/mi;
      }
    }
    next;
  }
  push @out, $l;
}

my $tmp = tempdir(CLEANUP => 1);
my $new = "$tmp/" . basename($file);
open my $fh, '>', $new or die $!; print $fh @out; close $fh;

my $diff = `diff -u "$file" "$new"`;
if ($diff eq '') { print "No change needed.\n"; exit 0; }
$diff =~ s/^\+\+\+ \Q$new\E/+++ $file (proposed)/m;
print $diff;

if ($o{dry}) {
  # test the full tree with the edited file swapped in
  my $root = (grep { -d } '/etc/apache2', '/etc/httpd')[0] or die "apache config root not found\n";
  my $copy = "$tmp/conf";
  system('cp', '-a', $root, $copy) == 0 or die "copy failed\n";
  (my $rel = $file) =~ s/^\Q$root\E//;
  copy($new, "$copy$rel") or die $!;
  my $main = -f "$copy/apache2.conf" ? "$copy/apache2.conf" : "$copy/conf/httpd.conf";
  print "\nconfigtest on a temporary copy:\n";
  system("apachectl -t -d '$copy' -f '$main' 2>&1 | sed 's#$copy#$root#g'");
  print "\n(dry run: nothing written)\n";
  exit 0;
}

my $stamp = strftime('%Y%m%d%H%M%S', localtime);
my $bak = "$file.bak-$stamp";
copy($file, $bak) or die "backup failed: $!\n";
my @st = stat $file;
copy($new, $file) or die "write failed: $!\n";
chown $st[4], $st[5], $file; chmod $st[2] & 07777, $file;
if (system('apachectl configtest') != 0) {
  copy($bak, $file);
  die "configtest failed; restored $file from $bak\n";
}
system($o{reload}) == 0 or die "reload command failed: $o{reload}\n";
print "Applied. Backup: $bak\n";
