"""Four eyes before anything goes live: changes to live content wait for a Reviewer.

- `changes`: who must wait, proposing a change, approving it, sending it back.
- `diff`: what a Reviewer reads — every changed field, in both languages, side by side.
docs/decisions/0013-pending-changes.md says why it is built this way.
"""
