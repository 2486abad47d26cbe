using Geo.Core.Akun;
using Microsoft.AspNetCore.Authorization;

namespace Geo.Api.Hosting;

/// <summary>
/// Who may call an endpoint, said where it is mapped: every endpoint declares one of these
/// (a test walks the endpoint list and fails on one that does not; without a declaration the
/// fallback policy asks for a signed-in account). Which area a caller may touch is the data
/// layer's to decide, from the <see cref="Caller"/>.
/// </summary>
public static class Akses
{
    /// <summary>Anyone, signed in or not; reads the public view unless the caller may ask for drafts.</summary>
    public static TBuilder Publik<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AllowAnonymous();

    /// <summary>Any signed-in account, whatever its roles.</summary>
    public static TBuilder Akun<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizeAttribute());

    /// <summary>A signed-in account holding at least one of these roles.</summary>
    public static TBuilder Untuk<TBuilder>(this TBuilder endpoint, params Peran[] peran) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', peran.Select(p => p.ToName())) });

    public static IServiceCollection AddGeoAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .Services;
}
