using System.Globalization;
using System.Text;
using TalentPass.SharedKernel;

namespace TalentPass.Benchmarks;

/// <summary>
/// Writes a deterministic import file of <c>n</c> talents with valid, unique resident ID numbers
/// (GB 11643 check characters computed), realistic Chinese names and every level. Row <c>i</c> always yields
/// the same talent, so runs are comparable.
/// </summary>
internal static class TalentCsvGenerator
{
    public const string Header = "id_number,name,phone,address,education_degree,education_school,education_major,graduation_year,level,category,level_effective_from,employer_name";

    private static readonly string[] Areas = ["410102", "410103", "410104", "410105", "410106", "410108", "410122", "410181"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "欧阳", "司马"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "华", "晨", "宇", "欣", "博", "文", "思"];
    private static readonly string[] Levels = ["a", "b", "c", "d", "e", "youth", "youth", "youth", "social", "social", "reserve", "reserve"];
    private static readonly string[] Categories = ["science", "engineering", "medicine", "education", "finance", "culture", "management"];
    private static readonly string[] Degrees = ["doctorate", "master", "bachelor"];
    private static readonly string[] Schools = ["郑州大学", "河南大学", "清华大学", "北京大学", "浙江大学", "武汉大学", "华中科技大学"];
    private static readonly string[] Majors = ["计算机科学与技术", "临床医学", "材料科学", "金融学", "机械工程", "电子信息", "生物医学工程"];
    private static readonly string[] Employers = ["示例科技有限公司", "中原示例研究院", "郑州示例医院", "示例软件股份有限公司", "示例新材料有限公司", "示例大学"];

    /// <summary>The resident ID number of row <paramref name="i"/>; unique for i &lt; 120,000,000.</summary>
    public static string IdNumber(long i)
    {
        // A permutation of [0, 15,000,000) so neighbouring rows differ in birth date and sequence.
        var j = i % 15_000_000 * 7919 % 15_000_000;
        var area = Areas[(int)(i / 15_000_000 % Areas.Length)];
        var birth = new DateOnly(1962, 1, 1).AddDays((int)(j / 1000));
        var sequence = (int)(j % 1000);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{area}{birth:yyyyMMdd}{sequence:D3}");
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    public static string Row(long i)
    {
        var h = (uint)(i * 2654435761 % uint.MaxValue);
        var name = Surnames[h % (uint)Surnames.Length] + Given[(h >> 5) % (uint)Given.Length] + ((h >> 10) % 3 == 0 ? string.Empty : Given[(h >> 12) % (uint)Given.Length]);
        var phone = string.Create(CultureInfo.InvariantCulture, $"13{(h >> 3) % 10}{i % 100_000_000:D8}");
        var level = Levels[(h >> 14) % (uint)Levels.Length];
        var year = 1985 + (int)((h >> 16) % 38);
        return string.Join(
            ',',
            IdNumber(i),
            name,
            phone,
            $"河南省郑州市金水区示例路{(h >> 7) % 300 + 1}号",
            Degrees[(h >> 18) % (uint)Degrees.Length],
            Schools[(h >> 20) % (uint)Schools.Length],
            Majors[(h >> 22) % (uint)Majors.Length],
            year.ToString(CultureInfo.InvariantCulture),
            level,
            Categories[(h >> 24) % (uint)Categories.Length],
            new DateOnly(2024, 1, 1).AddDays((int)((h >> 8) % 600)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Employers[(h >> 26) % (uint)Employers.Length]);
    }

    public static async Task<string> EnsureAsync(string directory, long rows, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"talents-{rows}.csv"));
        if (File.Exists(path))
        {
            return path;
        }

        var temp = path + ".tmp";
        await using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            await writer.WriteLineAsync(Header);
            for (long i = 0; i < rows; i++)
            {
                await writer.WriteLineAsync(Row(i).AsMemory(), cancellationToken);
            }
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }
}
