using Geo.Core.Akun;
using Geo.Data.Pekerjaan;

namespace Geo.Api.Pekerjaan;

/// <summary>
/// How a request asks for the job path instead of the direct answer: <c>Prefer: respond-async</c>
/// (RFC 7240) or <c>?latar=true</c>. Small work (a kab/kota) stays a direct answer unless asked;
/// national imports and province analyses are what the job path is for.
/// </summary>
public static class LatarBelakang
{
    /// <summary>Whether the caller asked for a job. Anonymous callers are always answered directly (a job needs an account to be polled by).</summary>
    public static bool Diminta(HttpContext http, bool? latar, Caller caller)
    {
        if (caller.IsAnonymous) return false;
        if (latar == true) return true;
        return http.Request.Headers.GetCommaSeparatedValues("Prefer")
            .Any(p => string.Equals(p.Split(';')[0].Trim(), "respond-async", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>202 Accepted: the job's address in Location, the job itself in the body; this instance's worker is woken.</summary>
    public static IResult Diterima(HttpContext http, PekerjaanInfo job)
    {
        http.RequestServices.GetRequiredService<PekerjaanSignal>().Wake();
        http.Response.Headers["Preference-Applied"] = "respond-async";
        http.Response.Headers.RetryAfter = "2";
        return Results.Accepted($"/api/pekerjaan/{job.Id}", job);
    }
}
