using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Features.Audit;

/// <summary>
/// Streams every entry in index order, recomputes its leaf hash and the tree, and compares: the stored leaf hash,
/// index continuity (a deleted row is a gap), the root of every checkpoint at its size (an edited row changes
/// it) and its signature by the log key, and finally the stored tree root. Problems are reported, never fixed.
/// </summary>
internal sealed class LedgerAuditor(IDbConnectionFactory connections, IOptions<LedgerOptions> options) : ILedgerAuditor
{
    private const int MaxReported = 50;
    private const int BlockSize = 8192;

    public async Task<LedgerAuditReport> AuditAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var problems = new List<string>();
        await using var connection = await connections.OpenAsync(cancellationToken);

        long size;
        byte[] storedRoot;
        string profileName;
        await using (var tree = connection.Command(null, "SELECT size, root_hash, hash_profile FROM ledger_tree WHERE id = 1"))
        await using (var reader = await tree.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            size = reader.GetInt64(0);
            storedRoot = (byte[])reader.GetValue(1);
            profileName = reader.IsDBNull(2) ? options.Value.HashProfile : reader.GetString(2);
        }

        var checkpoints = new List<(long Size, byte[] Root, string Note)>();
        await using (var command = connection.Command(null, "SELECT size, root_hash, COALESCE(cosigned_note, note) FROM ledger_checkpoints ORDER BY size"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                checkpoints.Add((reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetString(2)));
            }
        }

        var verifiers = new List<NoteVerifier>();
        await using (var command = connection.Command(null, "SELECT public_key FROM ledger_signing_keys"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                verifiers.Add(NoteVerifier.Parse(System.Text.Encoding.UTF8.GetString((byte[])reader.GetValue(0))));
            }
        }

        var hasher = LogHasher.For(profileName);
        var profile = hasher.Hashes;
        var edge = TreeEdge.Empty(hasher);
        var next = 0;
        long expected = 0;
        void Report(string problem)
        {
            if (problems.Count < MaxReported)
            {
                problems.Add(problem);
            }
            else if (problems.Count == MaxReported)
            {
                problems.Add("… more problems not listed");
            }
        }

        void CheckCheckpoints()
        {
            while (next < checkpoints.Count && checkpoints[next].Size <= edge.Size)
            {
                var (cpSize, cpRoot, note) = checkpoints[next++];
                if (cpSize != edge.Size)
                {
                    Report(string.Create(CultureInfo.InvariantCulture, $"checkpoint {cpSize}: cannot be checked, entries are missing before it"));
                    continue;
                }

                var root = edge.Root();
                if (!root.AsSpan().SequenceEqual(cpRoot))
                {
                    Report(string.Create(CultureInfo.InvariantCulture, $"checkpoint {cpSize}: the entries give root {Convert.ToBase64String(root)}, the checkpoint says {Convert.ToBase64String(cpRoot)} (an entry up to index {cpSize - 1} was changed or removed)"));
                }

                if (!SignedNote.TryParse(note, out var signed, out var error) || !signed.Open(verifiers).IsValid)
                {
                    Report(string.Create(CultureInfo.InvariantCulture, $"checkpoint {cpSize}: the note does not carry a valid log signature ({error})"));
                }
                else if (Checkpoint.Parse(signed.Text) is var body && (body.Size != cpSize || body.RootHash != new Hash(cpRoot)))
                {
                    Report(string.Create(CultureInfo.InvariantCulture, $"checkpoint {cpSize}: the signed note does not match the stored size/root"));
                }
            }
        }

        // Reading (one thread) and hashing (all cores) overlap: rows come in blocks, each block's leaf hashes are
        // computed in parallel while the next block is read; the tree is then extended in order.
        var blocks = System.Threading.Channels.Channel.CreateBounded<List<(long Index, byte[] Entry, byte[] Leaf)>>(4);
        var readTask = Task.Run(async () =>
        {
            try
            {
                await using var command = connection.Command(null, "SELECT idx, entry, leaf_hash FROM ledger_entries ORDER BY idx");
                await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
                var block = new List<(long, byte[], byte[])>(BlockSize);
                while (await reader.ReadAsync(cancellationToken))
                {
                    block.Add((reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2)));
                    if (block.Count == BlockSize)
                    {
                        await blocks.Writer.WriteAsync(block, cancellationToken);
                        block = new List<(long, byte[], byte[])>(BlockSize);
                    }
                }

                if (block.Count > 0)
                {
                    await blocks.Writer.WriteAsync(block, cancellationToken);
                }

                blocks.Writer.Complete();
            }
            catch (Exception ex)
            {
                blocks.Writer.Complete(ex);
                throw;
            }
        }, cancellationToken);

        await foreach (var block in blocks.Reader.ReadAllAsync(cancellationToken))
        {
            var leaves = new byte[block.Count][];
            Parallel.For(0, block.Count, i => leaves[i] = profile.LeafHash(block[i].Entry).ToArray());
            for (var i = 0; i < block.Count; i++)
            {
                var (index, _, storedLeaf) = block[i];
                var leaf = leaves[i];
                if (index != expected)
                {
                    Report(string.Create(CultureInfo.InvariantCulture, $"entries {expected}..{index - 1}: missing (deleted rows)"));
                    expected = index;
                }

                if (!leaf.AsSpan().SequenceEqual(storedLeaf))
                {
                    Report(string.Create(CultureInfo.InvariantCulture, $"entry {index}: its bytes do not hash to the stored leaf hash (edited)"));
                }

                edge.Append(leaf);
                expected++;
                if ((edge.Size & 0xFF) == 0)
                {
                    edge.TakeChanged();
                }

                CheckCheckpoints();
            }

            progress?.Report(edge.Size);
        }

        await readTask;
        CheckCheckpoints();
        if (expected != size)
        {
            Report(string.Create(CultureInfo.InvariantCulture, $"the tree has {size} entries, {expected} are stored"));
        }

        if (!edge.Root().AsSpan().SequenceEqual(storedRoot) && size > 0)
        {
            Report("the stored tree root does not match the entries");
        }

        progress?.Report(edge.Size);
        return new LedgerAuditReport(size, edge.Size, checkpoints.Count, problems, stopwatch.Elapsed);
    }
}
