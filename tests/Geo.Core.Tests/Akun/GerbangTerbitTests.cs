using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;

namespace Geo.Core.Tests.Akun;

public class GerbangTerbitTests
{
    // The gate as the issue states it, written out independently of the code: (from, step) → (to, owner).
    private static readonly Dictionary<(StatusBatch, LangkahBatch), (StatusBatch Ke, Peran Pemilik)> Allowed = new()
    {
        [(StatusBatch.Draf, LangkahBatch.Verifikasi)] = (StatusBatch.Diverifikasi, Peran.Verifikator),
        [(StatusBatch.Draf, LangkahBatch.Tolak)] = (StatusBatch.Ditolak, Peran.Verifikator),
        [(StatusBatch.Draf, LangkahBatch.Tarik)] = (StatusBatch.Ditarik, Peran.Approver),
        [(StatusBatch.Diverifikasi, LangkahBatch.Setujui)] = (StatusBatch.Disetujui, Peran.Approver),
        [(StatusBatch.Diverifikasi, LangkahBatch.Tolak)] = (StatusBatch.Ditolak, Peran.Approver),
        [(StatusBatch.Diverifikasi, LangkahBatch.Tarik)] = (StatusBatch.Ditarik, Peran.Approver),
        [(StatusBatch.Disetujui, LangkahBatch.Terbitkan)] = (StatusBatch.Terbit, Peran.Approver),
        [(StatusBatch.Disetujui, LangkahBatch.Tolak)] = (StatusBatch.Ditolak, Peran.Approver),
        [(StatusBatch.Disetujui, LangkahBatch.Tarik)] = (StatusBatch.Ditarik, Peran.Approver),
        [(StatusBatch.Terbit, LangkahBatch.Tarik)] = (StatusBatch.Ditarik, Peran.Approver),
    };

    public static TheoryData<StatusBatch, LangkahBatch, Peran?> EveryCase()
    {
        var data = new TheoryData<StatusBatch, LangkahBatch, Peran?>();
        foreach (var status in Enum.GetValues<StatusBatch>())
        {
            foreach (var langkah in Enum.GetValues<LangkahBatch>())
            {
                data.Add(status, langkah, null);
                foreach (var peran in Enum.GetValues<Peran>()) data.Add(status, langkah, peran);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void Every_state_step_and_role(StatusBatch dari, LangkahBatch langkah, Peran? peran)
    {
        var caller = new Caller("uji", WilayahScope.Within(KodeWilayah.Parse("18.72")), peran is { } p ? new HashSet<Peran> { p } : []);
        Check(caller, dari, langkah, Expected(dari, langkah, peran));
    }

    [Fact]
    public void Outside_the_area_is_forbidden_whatever_the_role()
    {
        var lain = new Caller("uji", WilayahScope.Within(KodeWilayah.Parse("18.71")), Enum.GetValues<Peran>().ToHashSet());
        Check(lain, StatusBatch.Disetujui, LangkahBatch.Terbitkan, GeoErrorKind.Forbidden);
        // A national batch needs a national account.
        Assert.Equal(GeoErrorKind.Forbidden, Assert.Throws<GeoException>(() =>
            GerbangTerbit.Langkah(lain with { Area = WilayahScope.Within(KodeWilayah.Parse("18")) }, 1, null, StatusBatch.Draf, LangkahBatch.Verifikasi)).Kind);
        Assert.Equal(StatusBatch.Diverifikasi, GerbangTerbit.Langkah(Caller.Lokal("lokal:uji"), 1, null, StatusBatch.Draf, LangkahBatch.Verifikasi));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_a_conflict_names_the_state()
    {
        var verifikator = new Caller("v", WilayahScope.Nasional, new HashSet<Peran> { Peran.Verifikator });
        var invalid = Assert.Throws<GeoException>(() => GerbangTerbit.Langkah(verifikator, 7, null, StatusBatch.Draf, LangkahBatch.Tolak, " "));
        Assert.Equal(GeoErrorKind.Invalid, invalid.Kind);
        var conflict = Assert.Throws<GeoException>(() => GerbangTerbit.Langkah(verifikator, 7, null, StatusBatch.Ditolak, LangkahBatch.Verifikasi));
        Assert.Contains("ditolak", conflict.Detail);
    }

    /// <summary>The outcome the table above implies: the new state, or the kind of refusal.</summary>
    private static object Expected(StatusBatch dari, LangkahBatch langkah, Peran? peran)
    {
        var owners = Allowed.Where(kv => kv.Key.Item2 == langkah).Select(kv => kv.Value.Pemilik).ToHashSet();
        if (peran is not { } p || !owners.Contains(p)) return GeoErrorKind.Forbidden;
        if (!Allowed.TryGetValue((dari, langkah), out var allowed)) return GeoErrorKind.Conflict;
        return allowed.Pemilik == p ? allowed.Ke : GeoErrorKind.Forbidden;
    }

    private static void Check(Caller caller, StatusBatch dari, LangkahBatch langkah, object expected)
    {
        if (expected is StatusBatch ke)
        {
            Assert.Equal(ke, GerbangTerbit.Langkah(caller, 1, KodeWilayah.Parse("18.72.01"), dari, langkah, "alasan"));
            return;
        }
        var e = Assert.Throws<GeoException>(() => GerbangTerbit.Langkah(caller, 1, KodeWilayah.Parse("18.72.01"), dari, langkah, "alasan"));
        Assert.Equal((GeoErrorKind)expected, e.Kind);
    }
}
