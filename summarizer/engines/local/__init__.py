"""The embedded engine: llama.cpp in a supervised worker process.

`engine.LocalEngine` is the engine; `worker` runs in the child process and must stay light to
import (the child imports this package first), so nothing is imported here.
"""
