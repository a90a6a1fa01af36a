// commit-msg hook (.husky/commit-msg): the subject line has at most 72 characters and, when a body
// follows, a blank line before it. Merges, reverts and fixup!/squash! commits written by git pass as they are.
import fs from 'node:fs'

const MAX_SUBJECT = 72
const lines = fs
  .readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
const subject = lines[0] ?? ''
const problems = []
if (/^(Merge|Revert|fixup!|squash!|amend!)/.test(subject)) process.exit(0)
if (!subject.trim()) problems.push('the subject is empty')
if ([...subject].length > MAX_SUBJECT) {
  problems.push(
    `the subject has ${[...subject].length} characters (at most ${MAX_SUBJECT}): put the details in the body`,
  )
}
if (lines.length > 1 && lines[1].trim() !== '') problems.push('leave a blank line between the subject and the body')
if (problems.length) {
  console.error(`Commit message: ${problems.join('; ')}.\n  ${subject}`)
  process.exit(1)
}
