// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Vault} from "../../src/Vault.sol";
import {MockERC20} from "./mocks/MockERC20.sol";

contract Actor {
    function call(address target, bytes calldata data) external returns (bool ok, bytes memory ret) {
        (ok, ret) = target.call(data);
    }
}

contract VaultInvariants {
    MockERC20 internal asset;
    Vault internal vault;
    Actor[] internal actors;

    uint256 internal ghost_totalDeposited;
    uint256 internal ghost_totalWithdrawn;

    constructor() {
        asset = new MockERC20("Mock", "MCK", 18);
        vault = new Vault(address(asset));
        for (uint256 i; i < 3; ++i) {
            Actor a = new Actor();
            actors.push(a);
            asset.mint(address(a), 1_000_000e18);
            a.call(address(asset), abi.encodeCall(asset.approve, (address(vault), type(uint256).max)));
        }
    }

    function _actor(uint256 seed) internal view returns (Actor) {
        return actors[seed % actors.length];
    }

    function _bound(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        if (hi <= lo) return lo;
        return lo + (x % (hi - lo + 1));
    }

    // ---- handlers ----
    function deposit(uint256 seed, uint256 amount) external {
        Actor a = _actor(seed);
        amount = _bound(amount, 1, asset.balanceOf(address(a)));
        uint256 sharesBefore = vault.balanceOf(address(a));
        (bool ok,) = a.call(address(vault), abi.encodeCall(vault.deposit, (amount, address(a))));
        if (ok) {
            ghost_totalDeposited += amount;
            // INV-05: depositing a positive amount never yields zero shares
            assert(vault.balanceOf(address(a)) > sharesBefore);
        }
    }

    function redeem(uint256 seed, uint256 shares) external {
        Actor a = _actor(seed);
        shares = _bound(shares, 1, vault.balanceOf(address(a)));
        uint256 before = asset.balanceOf(address(a));
        (bool ok,) = a.call(address(vault), abi.encodeCall(vault.redeem, (shares, address(a), address(a))));
        if (ok) ghost_totalWithdrawn += asset.balanceOf(address(a)) - before;
    }

    function donate(uint256 amount) external {
        amount = _bound(amount, 0, 1_000e18);
        asset.mint(address(vault), amount); // direct transfer / donation attack surface
    }

    // ---- properties ----
    // INV-01: vault holds at least what it reports
    function echidna_solvent() external view returns (bool) {
        return asset.balanceOf(address(vault)) >= vault.totalAssets();
    }

    // INV-02: nobody extracts more than was put in plus donations
    function echidna_no_free_money() external view returns (bool) {
        return ghost_totalWithdrawn <= ghost_totalDeposited + asset.balanceOf(address(vault)) + 1_000e18 * 10_000;
    }

    // INV-03: share supply equals the sum of actor balances
    function echidna_supply_matches() external view returns (bool) {
        uint256 sum;
        for (uint256 i; i < actors.length; ++i) sum += vault.balanceOf(address(actors[i]));
        return sum == vault.totalSupply();
    }
}
