using System.Security.Claims;
using Geo.Core.Akun;
using Geo.Data.Akun;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Geo.Api.Akun;

/// <summary>
/// The claims of a local account, the same for its cookie and its API tokens: Identity's name, id,
/// security stamp and roles (the lower-case <see cref="Peran"/> names), and the account's wilayah.
/// </summary>
public sealed class AkunClaimsFactory(UserManager<Data.Akun.Akun> users, RoleManager<PeranAkun> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Data.Akun.Akun, PeranAkun>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Data.Akun.Akun user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(GeoClaims.Wilayah, user.Wilayah ?? GeoClaims.Nasional));
        return identity;
    }
}
