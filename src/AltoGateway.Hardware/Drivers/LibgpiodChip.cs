using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Runtime.InteropServices;

namespace AltoGateway.Hardware.Drivers;

/// <summary>
/// Opens a GPIO chip through libgpiod, whichever major version is installed: libgpiod.so.3
/// (libgpiod 2.x, Debian 13 / Raspberry Pi OS Trixie) with <see cref="LibGpiodV2Driver"/>,
/// else libgpiod.so.2 (libgpiod 1.x, Debian 12 / Bookworm) with <see cref="LibGpiodDriver"/>.
/// The chip is found by its label when the board names one (the Pi 5's header is
/// <c>pinctrl-rp1</c>, gpiochip4 on early kernels and gpiochip0 since 6.6.45), else by number.
/// </summary>
public static class LibgpiodChip
{
    /// <summary>The libgpiod generation installed: 2 (libgpiod.so.3), 1 (libgpiod.so.2), or 0 when none is.</summary>
    public static int InstalledVersion()
    {
        foreach (var (library, version) in new[] { ("libgpiod.so.3", 2), ("libgpiod.so.2", 1) })
        {
            if (NativeLibrary.TryLoad(library, out var handle))
            {
                NativeLibrary.Free(handle);
                return version;
            }
        }

        return 0;
    }

    /// <summary>
    /// A driver for the board's chip. Throws what the system says: <see cref="DllNotFoundException"/>
    /// without libgpiod, <see cref="FileNotFoundException"/> without the chip,
    /// <see cref="UnauthorizedAccessException"/> when the agent may not open it.
    /// </summary>
    public static GpioDriver Open(int? chip, string? label, out string description)
    {
        var version = InstalledVersion();
        if (version == 0)
        {
            throw new DllNotFoundException("libgpiod is not installed (neither libgpiod.so.3 nor libgpiod.so.2; apt install libgpiod2 or libgpiod3)");
        }

        IList<GpioChipInfo> chips = version == 2 ? LibGpiodV2Driver.GetAvailableChips() : LibGpiodDriver.GetAvailableChips();
        var number = chips.FirstOrDefault(c => label is not null && string.Equals(c.Label, label, StringComparison.Ordinal))?.Id ?? chip
            ?? throw new FileNotFoundException($"no GPIO chip is labelled '{label}' (found: {string.Join(", ", chips.Select(c => $"gpiochip{c.Id} '{c.Label}'"))})");

        // Open the character device first: its errors say plainly what is wrong (missing, no permission).
        var device = $"/dev/gpiochip{number}";
        if (!File.Exists(device))
        {
            throw new FileNotFoundException($"{device} does not exist", device);
        }

        using (File.OpenHandle(device, FileMode.Open, FileAccess.ReadWrite))
        {
        }

        description = $"gpio: libgpiod v{version}, {device}" + (label is null ? string.Empty : $" ('{label}')");
        return version == 2 ? new LibGpiodV2Driver(number) : new LibGpiodDriver(number);
    }
}
