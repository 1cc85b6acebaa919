using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Security;

namespace TalentPass.Modules.Identity.Persistence;

/// <summary>
/// Stores the ASP.NET Data Protection key ring in <c>identity_data_protection_keys</c>, so cookies and bearer
/// tokens survive restarts and are accepted by every web node sharing the database.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        return db.DataProtectionKeys.AsNoTracking()
            .OrderBy(k => k.FriendlyName)
            .Select(k => k.Xml)
            .ToList()
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow
        {
            FriendlyName = string.IsNullOrEmpty(friendlyName) ? "key-" + Guid.NewGuid().ToString("N") : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.GetUtcNow(),
        });
        db.SaveChanges();
    }
}

/// <summary>Encrypts data-protection key material at rest with the field-protection key (AES-256-GCM).</summary>
internal sealed class FieldProtectorXmlEncryptor(IFieldProtector protector) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var element = new XElement("encryptedKey", protector.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        return new EncryptedXmlInfo(element, typeof(FieldProtectorXmlDecryptor));
    }
}

/// <summary>Created by the data-protection activator, hence the <see cref="IServiceProvider"/> constructor.</summary>
internal sealed class FieldProtectorXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var protector = services.GetRequiredService<IFieldProtector>();
        return XElement.Parse(protector.Unprotect(encryptedElement.Value));
    }
}
