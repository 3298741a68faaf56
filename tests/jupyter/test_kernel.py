"""The rsc Jupyter kernel, driven by Jupyter's own client libraries.

Run by tests/jupyter/run.sh (which installs the kernelspec named "rsc" into a virtual
environment): jupyter_kernel_test's protocol suite, whose messages are checked against
Jupyter's message schemas, plus tests of plots, errors, interrupts and the heartbeat.
"""

import base64
import time
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel
from jupyter_kernel_test.msgspec_v5 import validate_message

KERNEL = "rsc"
TIMEOUT = 60


class RscKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL
    language_name = "R"
    file_extension = ".rsc"

    code_hello_world = 'cat("hello, world\\n")'
    code_stderr = 'message("to stderr")'

    completion_samples = [
        {"text": "suppressWarn", "matches": {"suppressWarnings"}},
        {"text": "cars$sp", "matches": {"speed"}},
        {"text": "seq(1, 10, length.o", "matches": {"length.out = "}},
    ]

    complete_code_samples = ["1 + 1", "x <- 3", "f <- function(x) x * 2", ""]
    incomplete_code_samples = ["f <- function(x) {", "1 +", "c(1,", 'cat("open']
    invalid_code_samples = ["1 +)", "x <- )", "}"]

    code_generate_error = 'stop("boom")'

    code_execute_result = [
        {"code": "1 + 1", "result": "[1] 2"},
        {"code": "c(a = 1, b = 2)", "result": "a b \n1 2 "},
        {"code": "x <- 1:3\nx * 2", "result": "[1] 2 4 6"},
        {"code": "head(cars, 2)", "mime": "text/html"},
    ]

    # plot options apply from the next cell on
    code_display_data = [
        {
            "code": 'options(jupyter.plot_mimetypes = c("image/png", "image/svg+xml"))\n'
            "plot(1:10)",
            "mime": "image/png",
        },
        {"code": "hist(c(1, 2, 2, 3, 3, 3))", "mime": "image/svg+xml"},
    ]

    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "mean"


class KernelBehaviour(unittest.TestCase):
    """What a notebook user sees: images, errors with carets, values, interrupts."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def run_cell(self, code, timeout=TIMEOUT):
        """Executes code; returns the reply and the IOPub messages it caused (validated)."""
        msgs = []

        def hook(msg):
            validate_message(msg, msg["msg_type"], msg["parent_header"].get("msg_id"))
            msgs.append(msg)

        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=hook)
        validate_message(reply, "execute_reply", reply["parent_header"]["msg_id"])
        return reply, msgs

    def outputs(self, msgs, kind):
        return [m["content"] for m in msgs if m["msg_type"] == kind]

    def test_plot_is_a_png(self):
        reply, msgs = self.run_cell("plot(cars)\nabline(h = 50)\ncat('after\\n')")
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [m["msg_type"] for m in msgs if m["msg_type"] != "status"]
        self.assertEqual(kinds, ["execute_input", "display_data", "stream"])
        png = base64.b64decode(self.outputs(msgs, "display_data")[0]["data"]["image/png"])
        self.assertTrue(png.startswith(b"\x89PNG\r\n\x1a\n"))
        self.assertGreater(len(png), 1000)

    def test_error_has_the_message_and_caret(self):
        reply, msgs = self.run_cell("x <- 1\nlog(-1)\nsqrt('a')")
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["evalue"], "non-numeric argument to mathematical function")
        errors = self.outputs(msgs, "error")
        self.assertEqual(len(errors), 1)
        tb = "\n".join(errors[0]["traceback"])
        self.assertIn("Error in sqrt", tb)
        self.assertIn("<cell>:3", tb)
        self.assertIn("^", tb)
        # the warning of the statement before went to stderr
        stderr = "".join(s["text"] for s in self.outputs(msgs, "stream") if s["name"] == "stderr")
        self.assertIn("NaNs produced", stderr)

    def test_session_persists_and_counts(self):
        r1, _ = self.run_cell("k <- 41")
        r2, msgs = self.run_cell("k + 1")
        self.assertEqual(r2["content"]["execution_count"], r1["content"]["execution_count"] + 1)
        result = self.outputs(msgs, "execute_result")[0]
        self.assertEqual(result["data"]["text/plain"], "[1] 42")
        self.assertEqual(result["execution_count"], r2["content"]["execution_count"])

    def test_frame_as_html_table(self):
        _, msgs = self.run_cell("data.frame(a = 1:2, b = c('x', 'y'))")
        data = self.outputs(msgs, "execute_result")[0]["data"]
        self.assertIn("<table", data["text/html"])
        self.assertIn("  a b\n1 1 x\n2 2 y", data["text/plain"])

    def test_syntax_error_is_invalid_and_runs_nothing(self):
        reply, msgs = self.run_cell("zz <- 1\n)")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("unexpected", reply["content"]["evalue"])
        _, msgs = self.run_cell("exists('zz')")
        self.assertEqual(self.outputs(msgs, "execute_result")[0]["data"]["text/plain"], "[1] FALSE")

    def test_heartbeat(self):
        self.assertTrue(self.kc.is_alive())
        self.assertTrue(self.kc.hb_channel.is_beating())

    def test_interrupt_by_signal(self):
        self.interrupt_a_loop(lambda: self.km.interrupt_kernel())

    def test_interrupt_by_message(self):
        def interrupt():
            msg = self.kc.session.msg("interrupt_request", {})
            self.kc.control_channel.send(msg)
            reply = self.kc.get_control_msg(timeout=TIMEOUT)
            validate_message(reply, "interrupt_reply", msg["header"]["msg_id"])

        self.interrupt_a_loop(interrupt)

    def interrupt_a_loop(self, interrupt):
        msg_id = self.kc.execute("i <- 0\nrepeat { i <- i + 1 }")
        time.sleep(1.0)
        interrupt()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        # the kernel survived: the next cell runs and prints
        reply, msgs = self.run_cell("cat('still here', i > 0, '\\n')")
        self.assertEqual(reply["content"]["status"], "ok")
        out = "".join(s["text"] for s in self.outputs(msgs, "stream") if s["name"] == "stdout")
        self.assertEqual(out, "still here TRUE \n")

    def test_comm_info_is_empty(self):
        msg_id = self.kc.comm_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        validate_message(reply, "comm_info_reply", msg_id)
        self.assertEqual(reply["content"]["comms"], {})

    def test_complete_positions_count_code_points(self):
        code = "é <- 1; suppressWarn"
        self.kc.complete(code, len(code))
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        c = reply["content"]
        self.assertEqual(c["matches"], ["suppressWarnings"])
        self.assertEqual((c["cursor_start"], c["cursor_end"]), (8, 20))

    def test_inspect_shows_the_help(self):
        self.kc.inspect("sd(x", 2)
        c = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]
        self.assertTrue(c["found"])
        self.assertIn("sd(x, na.rm = FALSE)", c["data"]["text/plain"])
        self.kc.inspect("no_such_thing_here")
        c = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]
        self.assertFalse(c["found"])


if __name__ == "__main__":
    unittest.main()
