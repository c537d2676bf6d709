#ifndef COPILOT_PREP_CALLOCATOR_H
#define COPILOT_PREP_CALLOCATOR_H

/// Returns memory the C allocator holds but no longer uses to the operating system.
/// glibc keeps freed memory of every thread's arena for reuse; over a long build, with megabyte
/// buffers allocated on one thread and freed on another, that retained memory grew to more than
/// the build used. Elsewhere (no malloc_trim) this does nothing.
void copilot_prep_release_free_memory(void);

#endif
