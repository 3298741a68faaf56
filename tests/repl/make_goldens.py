#!/usr/bin/env python3
"""Records R's console transcripts for tests/repl.rs: the block in paste.R written to
`R --vanilla --interactive --quiet` under a pseudo-terminal in one write, raw (as a terminal
without bracketed paste sends it) and as a bracketed paste followed by Enter.
Run from this folder: python3 make_goldens.py (needs R)."""
import os, pty, select, time, fcntl, termios, struct

def session(data):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['TERM'] = 'xterm'
        os.execvp('R', ['R', '--vanilla', '--interactive', '--quiet'])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    out = b''
    def drain(t):
        nonlocal out
        end = time.time() + t
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    d = os.read(fd, 65536)
                except OSError:
                    return
                if not d:
                    return
                out += d
    drain(3.0)
    os.write(fd, data)
    drain(4.0)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return out

block = open('paste.R', 'rb').read()
open('paste.out', 'wb').write(session(block))
open('paste_bracketed.out', 'wb').write(session(b'\x1b[200~' + block + b'\x1b[201~\r'))
