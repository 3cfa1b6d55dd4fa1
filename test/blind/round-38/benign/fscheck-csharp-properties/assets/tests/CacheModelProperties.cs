using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MyLib;

namespace MyLib.Tests;

/// Model-based test: LruCache must agree with a simple reference model for any op sequence.
public class CacheModelProperties
{
    public abstract record Op;
    public sealed record Put(int Key, int Value) : Op;
    public sealed record Get(int Key) : Op;
    public sealed record Remove(int Key) : Op;

    private static Gen<Op> OpGen =>
        Gen.OneOf(
            Gen.Zip(Gen.Choose(0, 9), Gen.Choose(0, 1000)).Select(t => (Op)new Put(t.Item1, t.Item2)),
            Gen.Choose(0, 9).Select(k => (Op)new Get(k)),
            Gen.Choose(0, 9).Select(k => (Op)new Remove(k)));

    [Property(MaxTest = 300)]
    public Property Lru_matches_model()
    {
        var ops = OpGen.ListOf().Select(l => l.ToArray()).ToArbitrary();
        return Prop.ForAll(ops, sequence =>
        {
            const int capacity = 4;
            var sut = new LruCache<int, int>(capacity);
            var model = new List<(int Key, int Value)>(); // most recent last

            foreach (var op in sequence)
            {
                switch (op)
                {
                    case Put p:
                        sut.Put(p.Key, p.Value);
                        model.RemoveAll(e => e.Key == p.Key);
                        model.Add((p.Key, p.Value));
                        if (model.Count > capacity) model.RemoveAt(0);
                        break;
                    case Get g:
                        var idx = model.FindIndex(e => e.Key == g.Key);
                        var hit = sut.TryGet(g.Key, out var v);
                        if (hit != (idx >= 0)) return false;
                        if (hit)
                        {
                            if (v != model[idx].Value) return false;
                            var e = model[idx];
                            model.RemoveAt(idx);
                            model.Add(e);
                        }
                        break;
                    case Remove r:
                        sut.Remove(r.Key);
                        model.RemoveAll(e => e.Key == r.Key);
                        break;
                }
                if (sut.Count != model.Count) return false;
            }
            return true;
        });
    }
}
