#!/usr/bin/env perl
# Candidate finder for Perl footguns. Core modules only.
#   perl perl_edges.pl [--summary] DIR_OR_FILE...
use strict;
use warnings;
use File::Find ();
use Getopt::Long qw(GetOptions);

my $summary = 0;
GetOptions('summary' => \$summary) or die "usage: $0 [--summary] paths...\n";
@ARGV or die "usage: $0 [--summary] paths...\n";

my %RULES = (
    'open2arg'      => qr/\bopen\s*\(?\s*(?:my\s+)?[\$\w]+\s*,\s*(?:"[^"]*\$|\$\w+\s*\))/,
    'open-pipe'     => qr/\bopen\s*\(?[^;]*,\s*(?:'\|-?'|"\|-?"|"[^"]*\|"|'-\|')/,
    'backtick-var'  => qr/(?:`[^`]*\$[^`]*`|\bqx\s*[\{\(\[\/!][^;]*\$)/,
    'system-string' => qr/\b(?:system|exec)\s*\(?\s*"[^"]*\$[^"]*"\s*\)?\s*;/,
    'string-eval'   => qr/\beval\s*(?:"|\$|qq)/,
    'list-param'    => qr/(?:=>|,)\s*(?:\$\w+->)?param\s*\(\s*['"]\w+['"]\s*\)\s*(?:,|\})/,
    'sprintf-sql'   => qr/\b(?:do|prepare|selectall_\w+|selectrow_\w+)\s*\(\s*(?:qq?\{|")[^;]*\b(?:SELECT|INSERT|UPDATE|DELETE)\b[^;]*\$\w+/i,
);

my @files;
File::Find::find(
    {   no_chdir => 1,
        wanted   => sub {
            return if -d $_;
            return if m{/(?:\.git|blib|local|vendor)/};
            if (/\.(?:pl|pm|cgi|t|psgi)\z/) { push @files, $_; return }
            if (open my $fh, '<', $_) {
                my $first = <$fh> // '';
                push @files, $_ if $first =~ /^#!.*\bperl\b/;
            }
        },
    },
    @ARGV
);

my %count;
for my $file (sort @files) {
    open my $fh, '<', $file or do { warn "skip $file: $!\n"; next };
    my ($in_pod, $last_match_line, $last_match_guarded) = (0, 0, 1);
    my $shebang_checked = 0;
    while (my $line = <$fh>) {
        my $n = $.;
        if (!$shebang_checked++) {
            if ($line =~ /^#!.*perl/ && $file =~ /\.cgi\z/ && $line !~ /\s-\w*T/) {
                report($file, $n, 'no-taint', $line);
            }
        }
        if ($line =~ /^=(?!cut)\w/) { $in_pod = 1; next }
        if ($line =~ /^=cut/)       { $in_pod = 0; next }
        next if $in_pod;
        last if $line =~ /^__(?:END|DATA)__\s*$/;
        next if $line =~ /^\s*#/;

        for my $rule (sort keys %RULES) {
            report($file, $n, $rule, $line) if $line =~ $RULES{$rule};
        }

        # capture-unchecked: =~ with captures not inside if/unless/while/&&/and/?:
        if ($line =~ /=~\s*(?:m|s)?\s*[\/\{!][^\/]*\(/) {
            $last_match_line    = $n;
            $last_match_guarded = $line =~ /\b(?:if|unless|while|and|or)\b|&&|\|\||\?/ ? 1 : 0;
            next;
        }
        if ($line =~ /\$[1-9]\b/ && !$last_match_guarded && $n - $last_match_line <= 5) {
            report($file, $n, 'capture-unchecked', $line);
        }
    }
    close $fh;
}

sub report {
    my ($file, $n, $rule, $line) = @_;
    $count{$rule}++;
    return if $summary;
    chomp(my $src = $line);
    $src =~ s/^\s+//;
    $src = substr($src, 0, 160);
    print join("\t", $file, $n, $rule, $src), "\n";
}

if ($summary) {
    printf "%-18s %5d\n", $_, $count{$_} for sort { $count{$b} <=> $count{$a} } keys %count;
    printf "%-18s %5d\n", 'files scanned', scalar @files;
}
