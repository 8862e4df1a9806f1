using Botshop.Storage.Privacy;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Botshop.Hosting.Privacy;

/// <summary>
/// Makes sure the shared key ring has a key before anything encrypts, creating it once across replicas: left to
/// itself, each replica starting on an empty store would create its own key and, until its daily key-ring refresh,
/// could not read what the others encrypted.
/// </summary>
public sealed class DataProtectionKeyBootstrap(DataProtectionKeyStore keys, MaintenanceRuns runs, IKeyManager keyManager, TimeProvider time)
{
    public const string Job = "data-protection-first-key";

    // A claimer that died before storing the key is waited for this long before another takes over.
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    public async Task EnsureKeyAsync(CancellationToken ct)
    {
        while (await keys.CountAsync(ct) == 0)
        {
            if (await runs.TryClaimAsync(Job, ClaimTimeout, ct))
            {
                // Another process may have stored one between the count and the claim.
                if (await keys.CountAsync(ct) == 0)
                {
                    var now = time.GetUtcNow();
                    keyManager.CreateNewKey(activationDate: now, expirationDate: now + KeyLifetime);
                }
                await runs.FinishAsync(Job, new { created = true }, ct);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
        }
    }
}
