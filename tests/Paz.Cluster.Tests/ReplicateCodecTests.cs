using CsCheck;
using Paz.Cluster.Work;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Cluster.Tests;

/// <summary>
/// A replicate's bytes decode to the replicate: every count (negative ones too), every metric value bit for bit (zeros,
/// negative zeros, NaNs, values between long runs of zeros), so a coordinator's ensemble summarizes as the local one.
/// </summary>
public sealed class ReplicateCodecTests
{
    // Zeros most often, as in a country's municipal metrics, and the values a sparse format could lose or merge.
    private static readonly Gen<double> Value = Gen.Frequency((6, Gen.Const(0.0)), (1, Gen.Const(-0.0)), (1, Gen.Const(double.NaN)), (4, Gen.Double));

    private static readonly Gen<MetricSpec> Spec = Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 12], Gen.Enum<MetricAggregation>(), (name, aggregation) => new MetricSpec(name, "unit", aggregation, $"what {name} is"));

    private static readonly Gen<ReplicateResult> Result =
        from municipalities in Gen.Int[1, 6]
        from months in Gen.Int[1, 30]
        from seed in Gen.ULong
        from homicides in Gen.Frequency((5, Gen.Int[0, 9]), (1, Gen.Int)).Array[municipalities * months]
        from weeks in Gen.Select(Gen.Int, Gen.Int[0, 1000].Array[14], (day, v) => (day, v)).Array[0, 8]
        from byMechanism in Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 8], Gen.Int[1990, 2030], Gen.Long.Array[0, 12], (name, year, counts) => (name, year, counts)).Array[0, 4]
        from national in Gen.Select(Spec, Value.Array[months]).Array[0, 3]
        from local in Gen.Select(Spec, Value.Array[2 * municipalities].Null()).Array[0, 3]
        select new ReplicateResult(seed, 24_000, months, homicides, [.. weeks.Select((w, i) => new WeekFlows(i, DateOnly.FromDayNumber(Math.Abs(w.day % 3_000_000)), w.v[0], w.v[1], w.v[2], w.v[3], w.v[4], w.v[5], w.v[6], w.v[7], w.v[8], w.v[9])
        {
            MiddleArrested = w.v[10], LowerArrested = w.v[11], Convictions = w.v[12], Releases = w.v[13],
        })])
        {
            HomicidesByMechanism = byMechanism.DistinctBy(m => m.name).ToDictionary(m => m.name, m => new YearCounts(m.year, m.counts)),
            Metrics = MetricCollector.Restore(new MetricSnapshot(new DateOnly(2015, 1, 4), months, 1, municipalities,
                [.. national.DistinctBy(n => n.Item1.Name)],
                [.. local.DistinctBy(l => l.Item1.Name).Select(l => (l.Item1, (double[]?[])[null, null, l.Item2]))])),
        };

    [Fact]
    public void AResultDecodesToEveryCountAndEveryMetricValueBitForBit()
    {
        Result.Sample(result =>
        {
            var back = ReplicateCodec.Decode(ReplicateCodec.Encode(result));
            Assert.Equal(result.Seed, back.Seed);
            Assert.Equal((result.FirstMonth, result.Months), (back.FirstMonth, back.Months));
            Assert.Equal(result.MonthlyHomicides, back.MonthlyHomicides);
            Assert.Equal(result.Weeks, back.Weeks);
            Assert.Equal(result.HomicidesByMechanism.Keys, back.HomicidesByMechanism.Keys);
            Assert.All(result.HomicidesByMechanism, m => Assert.Equal(m.Value.Counts, back.HomicidesByMechanism[m.Key].Counts));
            Assert.Equal(Bits(result.Metrics!.Snapshot()), Bits(back.Metrics!.Snapshot()));
        }, iter: 300);
    }

    [Fact]
    public void BytesOfAnotherFormatAreRefusedNamingTheFormatThisCodeReads()
    {
        var bytes = ReplicateCodec.Encode(Result.Single());
        bytes[0] = 1; // the first format's bytes began elsewhere; any other version is refused alike
        var refused = Assert.Throws<InvalidDataException>(() => ReplicateCodec.Decode(bytes));
        Assert.Contains("format 2", refused.Message, StringComparison.Ordinal);
    }

    // Each series as its metric's name and its values' bits, a level left out as the word "none".
    private static List<string> Bits(MetricSnapshot s) =>
    [
        .. s.National.Select(n => $"{n.Metric} {string.Join(',', n.Series.Select(BitConverter.DoubleToInt64Bits))}"),
        .. s.Local.Select(l => $"{l.Metric} {string.Join('|', l.Levels.Select(v => v is null ? "none" : string.Join(',', v.Select(BitConverter.DoubleToInt64Bits))))}"),
    ];
}
