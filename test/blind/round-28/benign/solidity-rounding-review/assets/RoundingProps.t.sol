// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {MockERC20} from "./mocks/MockERC20.sol";
import {Vault} from "../src/Vault.sol"; // adjust to the contract under review

contract RoundingProps is Test {
    MockERC20 asset;
    Vault vault;
    address alice = makeAddr("alice");
    address bob = makeAddr("bob");

    function setUp() public {
        asset = new MockERC20("Mock", "MOCK", 18);
        vault = new Vault(address(asset));
        // seed an uneven exchange rate so division actually truncates
        asset.mint(address(this), 1_000_003e18);
        asset.approve(address(vault), type(uint256).max);
        vault.deposit(1_000_000e18, address(this));
        asset.transfer(address(vault), 3e18 + 7); // simulated yield
    }

    function testFuzz_roundTripNeverProfits(uint256 amount) public {
        amount = bound(amount, 1, 1e30);
        asset.mint(alice, amount);
        vm.startPrank(alice);
        asset.approve(address(vault), amount);
        uint256 shares = vault.deposit(amount, alice);
        uint256 back = vault.redeem(shares, alice, alice);
        vm.stopPrank();
        assertLe(back, amount, "redeem(deposit(a)) > a");
    }

    function testFuzz_mintCostsAtLeastDeposit(uint256 shares) public {
        shares = bound(shares, 1, 1e30);
        uint256 assetsForMint = vault.previewMint(shares);
        uint256 sharesForThoseAssets = vault.previewDeposit(assetsForMint);
        assertGe(sharesForThoseAssets, shares - 0, "mint cheaper than deposit");
        assertLe(sharesForThoseAssets, shares + 1);
    }

    function testFuzz_withdrawBurnsEnoughShares(uint256 assets) public {
        assets = bound(assets, 1, vault.totalAssets() / 2);
        uint256 burned = vault.previewWithdraw(assets);
        uint256 valueOfBurned = vault.convertToAssets(burned);
        assertGe(valueOfBurned, assets, "withdraw rounds in user's favour");
    }

    function testFuzz_manySmallDepositsNoGain(uint8 n, uint96 each) public {
        n = uint8(bound(n, 2, 50));
        uint256 e = bound(each, 1, 1e6);
        asset.mint(bob, uint256(n) * e);
        vm.startPrank(bob);
        asset.approve(address(vault), type(uint256).max);
        uint256 total;
        for (uint256 i; i < n; ++i) total += vault.deposit(e, bob);
        uint256 back = vault.redeem(total, bob, bob);
        vm.stopPrank();
        assertLe(back, uint256(n) * e);
    }
}
