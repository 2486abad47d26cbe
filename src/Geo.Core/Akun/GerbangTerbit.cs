using Geo.Core.Errors;
using Geo.Core.Wilayah;

namespace Geo.Core.Akun;

/// <summary>Where an import batch stands on its way to the public.</summary>
public enum StatusBatch
{
    Draf,
    Diverifikasi,
    Disetujui,
    Terbit,
    /// <summary>Refused with a reason; its values are taken back as by a withdrawal.</summary>
    Ditolak,
    Ditarik,
}

/// <summary>A step of the publication gate.</summary>
public enum LangkahBatch
{
    Verifikasi,
    Setujui,
    Terbitkan,
    Tolak,
    Tarik,
}

public static class StatusBatchNames
{
    public static string ToName(this StatusBatch status) => status switch
    {
        StatusBatch.Draf => "draf",
        StatusBatch.Diverifikasi => "diverifikasi",
        StatusBatch.Disetujui => "disetujui",
        StatusBatch.Terbit => "terbit",
        StatusBatch.Ditolak => "ditolak",
        StatusBatch.Ditarik => "ditarik",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static StatusBatch Parse(string name)
    {
        foreach (var status in Enum.GetValues<StatusBatch>())
        {
            if (status.ToName() == name) return status;
        }
        throw new ArgumentOutOfRangeException(nameof(name), name, "status batch tidak dikenal");
    }

    public static string ToName(this LangkahBatch langkah) => langkah switch
    {
        LangkahBatch.Verifikasi => "verifikasi",
        LangkahBatch.Setujui => "setujui",
        LangkahBatch.Terbitkan => "terbitkan",
        LangkahBatch.Tolak => "tolak",
        LangkahBatch.Tarik => "tarik",
        _ => throw new ArgumentOutOfRangeException(nameof(langkah)),
    };
}

/// <summary>
/// The publication gate ("no unverified number reaches the public"): which step is allowed from
/// which state, and which role owns it. draf → diverifikasi (verifikator) → disetujui (approver) →
/// terbit (approver); a draft is rejected by the verifikator, a verified or approved batch by the
/// approver; the approver withdraws any batch not already rejected or withdrawn. Pure: the data
/// layer applies it under a row lock on the batch.
/// </summary>
public static class GerbangTerbit
{
    /// <summary>The state the step leads to from <paramref name="dari"/>, or null when the step is not allowed there.</summary>
    public static StatusBatch? Ke(StatusBatch dari, LangkahBatch langkah) => (dari, langkah) switch
    {
        (StatusBatch.Draf, LangkahBatch.Verifikasi) => StatusBatch.Diverifikasi,
        (StatusBatch.Diverifikasi, LangkahBatch.Setujui) => StatusBatch.Disetujui,
        (StatusBatch.Disetujui, LangkahBatch.Terbitkan) => StatusBatch.Terbit,
        (StatusBatch.Draf or StatusBatch.Diverifikasi or StatusBatch.Disetujui, LangkahBatch.Tolak) => StatusBatch.Ditolak,
        (StatusBatch.Draf or StatusBatch.Diverifikasi or StatusBatch.Disetujui or StatusBatch.Terbit, LangkahBatch.Tarik) => StatusBatch.Ditarik,
        _ => null,
    };

    /// <summary>The role that owns the step from this state (rejecting a draft is the verifikator's; everything after verification the approver's).</summary>
    public static Peran Pemilik(StatusBatch dari, LangkahBatch langkah) => langkah switch
    {
        LangkahBatch.Verifikasi => Peran.Verifikator,
        LangkahBatch.Tolak when dari == StatusBatch.Draf => Peran.Verifikator,
        _ => Peran.Approver,
    };

    /// <summary>
    /// The state after the step, or the refusal: outside the caller's area or without the owning
    /// role is Forbidden, a step the current state does not allow is a Conflict naming the state,
    /// a rejection without a reason is Invalid.
    /// </summary>
    /// <param name="wilayah">The batch's area (null: national).</param>
    public static StatusBatch Langkah(Caller caller, long batch, KodeWilayah? wilayah, StatusBatch dari, LangkahBatch langkah, string? alasan = null)
    {
        if (wilayah is { } w ? !caller.Area.Contains(w) : caller.Area.Root is not null)
        {
            throw GeoException.Forbidden($"batch {batch} ({wilayah?.Value ?? "nasional"}) di luar wilayah akun {caller.Nama}");
        }
        // A caller who could own this step from no state learns nothing about the batch's state.
        var pemilikMungkin = langkah == LangkahBatch.Tolak ? new[] { Peran.Verifikator, Peran.Approver } : [Pemilik(dari, langkah)];
        if (!pemilikMungkin.Any(caller.Has))
        {
            throw GeoException.Forbidden($"langkah {langkah.ToName()} hanya untuk peran {string.Join(" atau ", pemilikMungkin.Select(p => p.ToName()))}");
        }
        if (Ke(dari, langkah) is not { } ke)
        {
            throw GeoException.Conflict($"batch {batch} berstatus {dari.ToName()}: langkah {langkah.ToName()} tidak dapat dilakukan dari status itu");
        }
        var pemilik = Pemilik(dari, langkah);
        if (!caller.Has(pemilik))
        {
            throw GeoException.Forbidden($"langkah {langkah.ToName()} batch berstatus {dari.ToName()} hanya untuk peran {pemilik.ToName()}");
        }
        if (langkah == LangkahBatch.Tolak && string.IsNullOrWhiteSpace(alasan))
        {
            throw GeoException.Parameter("alasan", "penolakan wajib disertai alasan");
        }
        return ke;
    }
}

/// <summary>Who may read which view (<see cref="Tampilan"/>).</summary>
public static class TampilanAkses
{
    /// <summary>The working view with drafts: only an account with a role whose area contains the area asked for (null: national).</summary>
    public static bool BolehDraf(this Caller caller, KodeWilayah? wilayah) =>
        caller.Peran.Count > 0 && (wilayah is { } w ? caller.Area.Contains(w) : caller.Area.Root is null);

    /// <summary>Refuses the working view to a caller who may not read it there.</summary>
    public static void Periksa(this Caller caller, Tampilan tampilan, KodeWilayah? wilayah)
    {
        if (tampilan == Tampilan.Draf && !caller.BolehDraf(wilayah))
        {
            throw GeoException.Forbidden($"tampilan draf untuk {wilayah?.Value ?? "nasional"} hanya untuk akun berperan di wilayah itu");
        }
    }

    public static string ToName(this Tampilan tampilan) => tampilan == Tampilan.Draf ? "draf" : "terbit";

    /// <summary>The view named in a request: terbit (or nothing) or draf.</summary>
    public static Tampilan Parse(string? text) => (text?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "terbit" => Tampilan.Terbit,
        "draf" => Tampilan.Draf,
        _ => throw GeoException.Parameter("tampilan", "tampilan harus 'terbit' atau 'draf'"),
    };

    public const string PeringatanDraf = "Tampilan DRAF: memuat data DRAF yang belum terbit (belum diverifikasi dan disetujui); jangan disebarkan.";
}
