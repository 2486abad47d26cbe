using Geo.Data.Wilayah.Import;
using Microsoft.AspNetCore.Diagnostics;

namespace Geo.Api.Hosting;

public static class ErrorHandling
{
    /// <summary>
    /// Every error leaves as problem-details JSON; user errors thrown from deep in the data layer
    /// become 400, and a bad request keeps its own status (413 for an upload over the limit).
    /// </summary>
    public static void UseGeoErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                BoundaryFileException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
    }
}
