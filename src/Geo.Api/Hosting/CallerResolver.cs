using System.Security.Claims;
using Geo.Core.Akun;
using Geo.Core.Wilayah;

namespace Geo.Api.Hosting;

/// <summary>
/// The one place where a request becomes a <see cref="Caller"/>: from the claims every sign-in
/// puts on the identity (<see cref="GeoClaims"/>), never from a header the client writes. An
/// unauthenticated request is <see cref="Caller.Anonim"/>.
/// </summary>
public sealed class CallerResolver
{
    public Caller Resolve(HttpContext context) => FromPrincipal(context.User);

    public static Caller FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name }) return Caller.Anonim;
        // An identity without an area it can say (missing or malformed claim) gets no more than an
        // anonymous caller, never the whole country by default.
        WilayahScope area;
        switch (user.FindFirst(GeoClaims.Wilayah)?.Value)
        {
            case GeoClaims.Nasional:
                area = WilayahScope.Nasional;
                break;
            case { } kode when KodeWilayah.TryParse(kode, out var root, out _):
                area = WilayahScope.Within(root);
                break;
            default:
                return Caller.Anonim;
        }
        var roles = user.FindAll(ClaimTypes.Role)
            .Select(c => PeranNames.TryParse(c.Value, out var peran) ? (Peran?)peran : null)
            .OfType<Peran>()
            .ToHashSet();
        return new Caller(name, area, roles);
    }
}
