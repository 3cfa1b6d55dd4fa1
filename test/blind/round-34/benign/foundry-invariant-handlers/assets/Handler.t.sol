// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test, console2} from "forge-std/Test.sol";
import {IERC4626} from "forge-std/interfaces/IERC4626.sol";

interface IMintable {
    function mint(address to, uint256 amount) external;
    function approve(address spender, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address) external view returns (uint256);
}

contract Handler is Test {
    IERC4626 public immutable vault;
    IMintable public immutable asset;

    address[] internal actors;
    mapping(bytes32 => uint256) public calls;

    uint256 public ghost_depositSum;
    uint256 public ghost_withdrawSum;
    uint256 public ghost_donations;

    modifier countCall(bytes32 key) {
        calls[key]++;
        _;
    }

    constructor(IERC4626 _vault, IMintable _asset) {
        vault = _vault;
        asset = _asset;
        for (uint256 i = 0; i < 5; i++) {
            actors.push(makeAddr(string.concat("actor", vm.toString(i))));
        }
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function deposit(uint256 actorSeed, uint256 assets) external countCall("deposit") {
        address actor = _actor(actorSeed);
        assets = bound(assets, 1, 1e30);
        asset.mint(actor, assets);
        vm.startPrank(actor);
        asset.approve(address(vault), assets);
        vault.deposit(assets, actor);
        vm.stopPrank();
        ghost_depositSum += assets;
    }

    function withdraw(uint256 actorSeed, uint256 assets) external countCall("withdraw") {
        address actor = _actor(actorSeed);
        uint256 max = vault.maxWithdraw(actor);
        if (max == 0) {
            calls["withdraw_skipped"]++;
            return;
        }
        assets = bound(assets, 1, max);
        vm.prank(actor);
        vault.withdraw(assets, actor, actor);
        ghost_withdrawSum += assets;
    }

    function donate(uint256 amount) external countCall("donate") {
        amount = bound(amount, 1, 1e24);
        asset.mint(address(this), amount);
        asset.transfer(address(vault), amount);
        ghost_donations += amount;
    }

    function warp(uint256 secs) external countCall("warp") {
        vm.warp(block.timestamp + bound(secs, 1, 30 days));
    }

    function callSummary() external view {
        console2.log("deposit         ", calls["deposit"]);
        console2.log("withdraw        ", calls["withdraw"]);
        console2.log("withdraw_skipped", calls["withdraw_skipped"]);
        console2.log("donate          ", calls["donate"]);
        console2.log("warp            ", calls["warp"]);
    }
}
