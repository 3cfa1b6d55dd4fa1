// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";
import {IERC4626} from "forge-std/interfaces/IERC4626.sol";

/// Fuzzed EIP-4626 properties. Implement the two hooks for the vault under review.
abstract contract VaultPropertiesBase is Test {
    IERC4626 internal vault;
    IERC20 internal asset;
    address internal alice = makeAddr("alice");

    function _deployVault() internal virtual returns (IERC4626);
    function _deal(address to, uint256 amount) internal virtual;

    function setUp() public {
        vault = _deployVault();
        asset = IERC20(vault.asset());
        // Seed the vault so prices are not trivially 1:1.
        _deal(address(this), 1_000 ether);
        asset.approve(address(vault), type(uint256).max);
        vault.deposit(1_000 ether, address(this));
    }

    function _bound(uint256 x) internal pure returns (uint256) {
        return bound(x, 1, 1e30);
    }

    function testFuzz_roundTripNeverProfits(uint256 assets) public {
        assets = _bound(assets);
        _deal(alice, assets);
        vm.startPrank(alice);
        asset.approve(address(vault), assets);
        uint256 shares = vault.deposit(assets, alice);
        uint256 back = vault.redeem(shares, alice, alice);
        vm.stopPrank();
        assertLe(back, assets, "deposit->redeem returned more than deposited");
    }

    function testFuzz_previewDepositIsLowerBound(uint256 assets) public {
        assets = _bound(assets);
        _deal(alice, assets);
        uint256 preview = vault.previewDeposit(assets);
        vm.startPrank(alice);
        asset.approve(address(vault), assets);
        uint256 actual = vault.deposit(assets, alice);
        vm.stopPrank();
        assertLe(preview, actual, "previewDeposit overestimates");
    }

    function testFuzz_previewMintIsUpperBound(uint256 shares) public {
        shares = bound(shares, 1, 1e27);
        uint256 preview = vault.previewMint(shares);
        _deal(alice, preview);
        vm.startPrank(alice);
        asset.approve(address(vault), preview);
        uint256 pulled = vault.mint(shares, alice);
        vm.stopPrank();
        assertGe(preview, pulled, "previewMint underestimates");
    }

    function testFuzz_convertRoundsDown(uint256 shares) public view {
        shares = bound(shares, 0, vault.totalSupply());
        assertLe(vault.convertToShares(vault.convertToAssets(shares)), shares);
    }

    function testFuzz_previewWithdrawIsUpperBound(uint256 assets) public {
        assets = bound(assets, 1, vault.maxWithdraw(address(this)));
        uint256 preview = vault.previewWithdraw(assets);
        uint256 burned = vault.withdraw(assets, address(this), address(this));
        assertGe(preview, burned, "previewWithdraw underestimates");
    }
}
