import { describe, expect, it } from "vitest";
import { runTool } from "./harness";

describe("runTool", () => {
  it("names the package to install in one line when the tool is not installed", () => {
    expect(() => runTool("softflowd", "patronus-no-such-tool", ["-V"])).toThrow(
      /^this test needs softflowd \(apt-get install softflowd\): patronus-no-such-tool is not installed$/,
    );
  });

  it("reports a failing tool by the last line it printed, not its whole traceback", () => {
    const script = "import sys\nprint('Traceback (most recent call last):', file=sys.stderr)\nsys.exit('needs scapy')";
    let message = "";
    try {
      runTool("python3-scapy", "/usr/bin/python3", ["-c", script]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("this test needs python3-scapy (apt-get install python3-scapy): needs scapy");
  });

  it("returns the tool's output when it succeeds", () => {
    expect(runTool("python3", "/usr/bin/python3", ["-c", "print('ok')"])).toBe("ok\n");
  });
});
