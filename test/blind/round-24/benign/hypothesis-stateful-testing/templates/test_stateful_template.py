"""Stateful test template: an LRU cache checked against a dict + list model.

Replace `LRUCache` with your class; keep the model boring and obviously right.
"""
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from mylib.cache import LRUCache  # <- system under test

KEYS = st.sampled_from(list("abcdefgh"))   # small key space => more collisions => more bugs
VALUES = st.integers()


class LRUMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.capacity = 4
        self.cache = LRUCache(self.capacity)
        self.model: dict = {}
        self.order: list = []          # least-recent first

    def _touch(self, k):
        if k in self.order:
            self.order.remove(k)
        self.order.append(k)

    @rule(k=KEYS, v=VALUES)
    def put(self, k, v):
        self.cache.put(k, v)
        self.model[k] = v
        self._touch(k)
        if len(self.order) > self.capacity:
            evicted = self.order.pop(0)
            del self.model[evicted]

    @rule(k=KEYS)
    def get(self, k):
        got = self.cache.get(k)
        assert got == self.model.get(k)
        if k in self.model:
            self._touch(k)

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete_existing(self, data):
        k = data.draw(st.sampled_from(sorted(self.model)))
        self.cache.delete(k)
        del self.model[k]
        self.order.remove(k)

    @invariant()
    def size_matches(self):
        assert len(self.cache) == len(self.model)

    @invariant()
    def never_over_capacity(self):
        assert len(self.cache) <= self.capacity


TestLRU = LRUMachine.TestCase
