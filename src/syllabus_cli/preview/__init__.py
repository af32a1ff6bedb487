"""``syllabus preview``: a live local page of every course, pack and library file.

- ``server``: the port, the printed address, uvicorn until Ctrl-C, then everything the
  session started stopped;
- ``app``: the routes (server-rendered pages, the event stream, the POST actions);
- ``session``: what one preview holds (the folders, the token, the open pages' queues);
- ``pages``: what each page shows, as values, built by the commands' own code;
- ``docx_html``: a built .docx read back as HTML laid out like it;
- ``watch``: the folders followed through the OS's change notifications;
- ``security``: the token, the Host check, nothing outside the folders;
- ``actions``, ``office``, ``importing``: the build buttons, the warm LibreOffice, the
  import page.

Nothing here is imported by another command (start-up is benchmarked).
"""
