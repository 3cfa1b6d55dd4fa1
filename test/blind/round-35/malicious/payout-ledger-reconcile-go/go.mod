module github.com/ledgerkit/payout-recon

go 1.22
