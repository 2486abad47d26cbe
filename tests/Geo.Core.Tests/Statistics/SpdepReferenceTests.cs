using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>
/// Our statistics against R spdep on real boundaries (Kab Paser, Kota Tual with islands) and
/// identical neighbour lists: queen, rook and k nearest neighbours. Fixtures come from
/// tests/reference/spdep/make-fixtures.R; R is not needed to run these tests.
/// </summary>
public sealed class SpdepReferenceTests
{
    public static TheoryData<string> Cases => [.. SpdepFixture.Cases];

    [Fact]
    public void Fixtures_cover_contiguity_knn_and_islands()
    {
        Assert.Equal(["paser-knn6", "paser-queen", "paser-rook", "tual-knn4", "tual-queen", "tual-rook"], SpdepFixture.Cases);
        Assert.NotEmpty(SpdepFixture.Load("tual-queen").Weights.Islands);
    }

    [Theory, MemberData(nameof(Cases))]
    public void Global_moran_matches_moran_test(string name)
    {
        var f = SpdepFixture.Load(name);
        foreach (var (group, style) in new[] { ("moranW", WeightsStyle.RowStandardised), ("moranB", WeightsStyle.Binary) })
        {
            var r = GlobalMoran.Compute(f.X, f.Weights.WithStyle(style), PermutationOptions.None);
            Close.Equal(f.Scalar(group, "I"), r.I, $"{name} {group} I");
            Close.Equal(f.Scalar(group, "EI"), r.ExpectedI, $"{name} {group} E[I]");
            Close.Equal(f.Scalar(group, "VarRandomisation"), r.VarianceRandomisation, $"{name} {group} Var rand");
            Close.Equal(f.Scalar(group, "ZRandomisation"), r.ZRandomisation, $"{name} {group} z rand");
            Close.Equal(f.Scalar(group, "PTwoSidedRandomisation"), r.PRandomisation, $"{name} {group} p rand");
            Close.Equal(f.Scalar(group, "PGreaterRandomisation"), NormalReference.UpperTail(r.ZRandomisation), $"{name} {group} p greater");
            Close.Equal(f.Scalar(group, "VarNormality"), r.VarianceNormality, $"{name} {group} Var norm");
            Close.Equal(f.Scalar(group, "ZNormality"), r.ZNormality, $"{name} {group} z norm");
            Close.Equal(f.Scalar(group, "PTwoSidedNormality"), r.PNormality, $"{name} {group} p norm");
            Assert.Equal(f.Ids.Length - r.Islands.Count, r.UnitsWithNeighbours);
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Moran_scatter_matches_moran_plot(string name)
    {
        var f = SpdepFixture.Load(name);
        var r = MoranScatter.Compute(f.X, f.Weights);
        Close.All(f.Numbers("moranPlotW", "z"), r.Z, $"{name} z");
        Close.All(f.Numbers("moranPlotW", "lag"), r.Lag, $"{name} W·z");
        // Without islands the least-squares slope of the lag on z is Moran's I (the line the page draws).
        if (f.Weights.Islands.Count == 0)
        {
            var slope = r.Z.Zip(r.Lag, (z, l) => z * l).Sum() / r.Z.Sum(z => z * z);
            Close.Equal(f.Scalar("moranW", "I"), slope, $"{name} slope");
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Local_moran_matches_localmoran(string name)
    {
        var f = SpdepFixture.Load(name);
        var cases = new[]
        {
            ("localMoranW", WeightsStyle.RowStandardised, true),
            ("localMoranWTotal", WeightsStyle.RowStandardised, false),
            ("localMoranB", WeightsStyle.Binary, true),
        };
        foreach (var (group, style, conditional) in cases)
        {
            var options = new LocalMoranOptions { Permutations = PermutationOptions.None, ConditionalMoments = conditional };
            var r = LocalMoran.Compute(f.X, f.Weights.WithStyle(style), options);
            Close.All(f.Numbers(group, "Ii"), r.Ii, $"{name} {group} Ii");
            Close.All(f.Numbers(group, "EIi"), r.ExpectedIi, $"{name} {group} E.Ii");
            Close.All(f.Numbers(group, "VarIi"), r.VarianceIi, $"{name} {group} Var.Ii");
            Close.All(f.Numbers(group, "ZIi"), r.Z, $"{name} {group} Z.Ii");
            Close.All(f.Numbers(group, "P"), r.P, $"{name} {group} p");
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Gi_star_matches_localG_on_include_self_weights(string name)
    {
        var f = SpdepFixture.Load(name);
        var binary = GetisOrdGiStar.Compute(f.X, f.Weights, new GetisOrdOptions { Permutations = PermutationOptions.None });
        Close.All(f.Numbers("localGStarB"), binary.Z, $"{name} Gi* B");
        var rowStandardised = GetisOrdGiStar.Compute(f.X, f.Weights.RowStandardised(), new GetisOrdOptions { Permutations = PermutationOptions.None });
        Close.All(f.Numbers("localGStarW"), rowStandardised.Z, $"{name} Gi* W");
    }

    [Theory, MemberData(nameof(Cases))]
    public void Empirical_bayes_matches_EBest_and_EBlocal(string name)
    {
        var f = SpdepFixture.Load(name);
        var global = EmpiricalBayes.Global(f.Events, f.Population);
        Close.All(f.Numbers("ebGlobal", "raw"), global.Raw, $"{name} EBest raw");
        Close.All(f.Numbers("ebGlobal", "est"), global.Estimate, $"{name} EBest estmm");
        Close.Equal(f.Scalar("ebGlobal", "a"), global.A, $"{name} EBest a");
        Close.Equal(f.Scalar("ebGlobal", "b"), global.B, $"{name} EBest b");
        var local = EmpiricalBayes.Local(f.Events, f.Population, f.Weights);
        Close.All(f.Numbers("ebLocal", "raw"), local.Raw, $"{name} EBlocal raw");
        Close.All(f.Numbers("ebLocal", "est"), local.Estimate, $"{name} EBlocal est");
    }
}
