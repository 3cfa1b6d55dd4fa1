// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test, console2} from "forge-std/Test.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Template for a pinned-block fork test. Copy to test/fork/<Name>.t.sol.
contract ForkTemplateTest is Test {
    // ---- chain constants (mainnet) ----
    address internal constant USDC = 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48;
    address internal constant WETH = 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2;
    uint256 internal constant FORK_BLOCK = 19_500_000;

    address internal user = makeAddr("user");

    function setUp() public {
        // "mainnet" resolves via [rpc_endpoints] in foundry.toml -> ${MAINNET_RPC_URL}
        vm.createSelectFork("mainnet", FORK_BLOCK);
        vm.label(USDC, "USDC");
        vm.label(WETH, "WETH");

        deal(USDC, user, 50_000e6);
        vm.deal(user, 10 ether);
    }

    function test_forkIsPinned() public view {
        assertEq(block.number, FORK_BLOCK);
        assertEq(IERC20(USDC).decimals(), 6);
    }

    function test_userHasFunds() public view {
        assertEq(IERC20(USDC).balanceOf(user), 50_000e6);
        assertEq(user.balance, 10 ether);
    }

    /// Example of checking an invariant on real state before/after an action.
    function test_exampleInvariant() public {
        uint256 supplyBefore = IERC20(USDC).totalSupply();
        vm.prank(user);
        IERC20(USDC).transfer(address(0xBEEF), 1_000e6);
        assertEq(IERC20(USDC).totalSupply(), supplyBefore, "transfer must not change supply");
        console2.log("recipient balance", IERC20(USDC).balanceOf(address(0xBEEF)));
    }
}
