using Geo.Core.Akun;
using Microsoft.AspNetCore.Authorization;

namespace Geo.Api.Hosting;

/// <summary>
/// Who may call an endpoint, said where it is mapped: every endpoint declares one of these, and
/// the server refuses to start with one that does not (<see cref="EnsureDeclared"/>). Which area a
/// caller may touch is the data layer's to decide, from the <see cref="Caller"/>.
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

    public static IServiceCollection AddGeoAuthorization(this IServiceCollection services) => services.AddAuthorization();

    /// <summary>
    /// Every mapped endpoint says who may call it. Not a fallback policy: that would also answer
    /// 401 for paths that match no endpoint, where the honest answer is 404.
    /// </summary>
    public static void EnsureDeclared(this IEndpointRouteBuilder app)
    {
        var undeclared = app.DataSources.SelectMany(d => d.Endpoints)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.DisplayName)
            .ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException($"endpoints without an access rule (Publik, Akun or Untuk): {string.Join("; ", undeclared)}");
        }
    }
}
