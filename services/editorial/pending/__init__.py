"""Four eyes before anything goes live: changes to live content, and new live content, wait
for a Reviewer.

- `values`: field values as a pending change stores them (JSON), and back.
- `changes`: who must wait; proposing a change to a live row, or a new row (« create »).
- `approval`: approving (through the model's own save(), History naming both people) and
  sending back.
- `diff`: what a Reviewer reads — every changed field, in both languages, side by side.
- `preview`: a pending change shown on the real public address, to those who may see it.
docs/decisions/0013-pending-changes.md says why it is built this way.
"""
